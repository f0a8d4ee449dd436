"""mkdocs-macros entry point (`module_name: macros`); everything real lives in the explainer package."""
from explainer.publish.glue import register


def define_env(env):
    register(env)
