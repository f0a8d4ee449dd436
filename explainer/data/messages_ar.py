"""The editors' messages in Arabic, keyed by their English template (explainer/data/messages.py).

Each Arabic template uses exactly the {placeholders} of its English one (tests/test_messages.py checks it, and
that every message the code can give is here). Keys, ids, file names and code stay as written, in Latin script.
"""

AR = {
    # ---------------------------------------------------------------- characters (explainer/data/hygiene.py)
    "the character {name} (a tab) is not allowed in data; replace it with a space":
        "المحرف {name} (مسافة جدولة) غير مسموح به في البيانات؛ ضع مكانه مسافة عادية",
    'the character {name} is not allowed: it makes text show in another order than it is written ("Trojan Source"); '
    "delete it (to set direction, use U+200E or U+200F, see CONTRIBUTING.md)":
        "المحرف {name} غير مسموح به: فهو يعرض النص بترتيب غير الذي كُتب به (ما يُعرف بـ«Trojan Source»)؛ "
        "احذفه (ولضبط الاتجاه استعمل U+200E أو U+200F، انظر CONTRIBUTING.ar.md)",
    "the character {name} is an invisible control character; delete it":
        "المحرف {name} محرف تحكّم غير مرئي؛ احذفه",
    "the character {name} is an invisible formatting character; delete it (U+200E, U+200F and U+061C are allowed)":
        "المحرف {name} محرف تنسيق غير مرئي؛ احذفه (المسموح به: U+200E وU+200F وU+061C)",
    "the character {name} is an invisible line break; delete it, or start a new line":
        "المحرف {name} فاصل أسطر غير مرئي؛ احذفه، أو ابدأ سطرًا جديدًا",
    "the character {name} is not a character any font shows; delete it":
        "المحرف {name} لا يعرضه أي خط؛ احذفه",
    "the character {name} is an Arabic presentation form, not a letter; write the normal letter(s) «{plain}» instead "
    "(retype the word with an Arabic keyboard)":
        "المحرف {name} شكل عرضٍ عربي وليس حرفًا؛ اكتب مكانه الحرف العادي «{plain}» "
        "(أعد كتابة الكلمة بلوحة مفاتيح عربية)",
    # ---------------------------------------------------------------- what a value is (explainer/data/loader.py)
    "nothing": "قيمة فارغة",
    "true/false ({value})": "قيمة منطقية ({value})",
    "a number ({value})": "رقم ({value})",
    'text ("{value}")': "نص («{value}»)",
    "a list": "قائمة",
    "an entry with keys": "مُدخل ذو مفاتيح",
    "the English text (en)": "النص الإنجليزي (en)",
    "the Arabic text (ar)": "النص العربي (ar)",
    '"{name}"': "الحقل «{name}»",
    "this value": "هذه القيمة",
    "none": "لا شيء",
    "head (a person in actors.yml)": "الحقل head (شخص في actors.yml)",
    "head_of (a faction)": "الحقل head_of (فصيل)",
    "chosen_by (an actor)": "الحقل chosen_by (طرف من الأطراف)",
    "write the number without quotes": "اكتب الرقم دون علامتي تنصيص",
    "write a whole number, such as 3": "اكتب عددًا صحيحًا، مثل 3",
    # ---------------------------------------------------------------- keys and shapes
    'unknown key "{key}"; did you mean "{close}"? Correct the spelling':
        "المفتاح «{key}» غير معروف؛ هل تقصد «{close}»؟ صحّح الإملاء",
    'unknown key "{key}"; remove it or correct its spelling (keys allowed here: {allowed})':
        "المفتاح «{key}» غير معروف؛ احذفه أو صحّح إملاءه (المفاتيح المسموح بها هنا: {allowed})",
    'the key "{key}" does not belong at this level; check its indentation: line it up with the keys of the entry it '
    "belongs to":
        "المفتاح «{key}» ليس في مستواه الصحيح؛ راجع المسافة البادئة: اجعله على استقامة مفاتيح المُدخل الذي ينتمي إليه",
    'the key "{key}" does not belong at this level; it is a key of an entry like "{holder}" above: indent it to line '
    'up with the keys inside "{holder}"':
        "المفتاح «{key}» ليس في مستواه الصحيح؛ إنه من مفاتيح مُدخل مثل «{holder}» أعلاه: "
        "زد مسافته البادئة ليكون على استقامة المفاتيح داخل «{holder}»",
    "{label} is missing; add `{key}: {hint}` to this entry": "{label} غير موجود؛ أضف `{key}: {hint}` إلى هذا المُدخل",
    '{what} "{value}" is not one of: {options}; use one of them':
        "القيمة «{value}» في {what} ليست من بين: {options}؛ استعمل واحدة منها",
    '{label} "{given}" is not one of: {options}; use one of them':
        "القيمة «{given}» في {label} ليست من بين: {options}؛ استعمل واحدة منها",
    "{label} should be text, but is {given}; write it as text (in quotes if needed)":
        "يجب أن يكون {label} نصًا، لكنه {given}؛ اكتبه نصًا (بين علامتي تنصيص عند الحاجة)",
    "{label} should be a whole number, but is {given}; {fix}": "يجب أن يكون {label} عددًا صحيحًا، لكنه {given}؛ {fix}",
    '{label} should be a list, but is {given}; put each item on its own line after "- "':
        "يجب أن يكون {label} قائمة، لكنه {given}؛ ضع كل عنصر في سطر مستقل بعد \"- \"",
    "{label} should be an entry with keys (key: value), but is {given}; see the entries around it":
        "يجب أن يكون {label} مُدخلًا ذا مفاتيح (key: value)، لكنه {given}؛ انظر المُدخلات المحيطة به",
    "{label} must be {least} or more, but is {given}; correct the number":
        "يجب أن يكون {label} {least} أو أكثر، لكنه {given}؛ صحّح الرقم",
    "{label} needs at least {least} item(s); add the missing ones":
        "يحتاج {label} إلى {least} عنصر على الأقل؛ أضف الناقص",
    "{label} may have at most {most} item(s); remove the extra ones":
        "لا يجوز أن يزيد {label} على {most} عنصر؛ احذف الزائد",
    "{label} should be true or false, but is {given}; write true or false":
        "يجب أن يكون {label} true أو false، لكنه {given}؛ اكتب true أو false",
    "{label} is not valid here ({detail}); compare it with the entries around it":
        "قيمة {label} غير صالحة هنا ({detail})؛ قارنها بالمُدخلات المحيطة بها",
    # ---------------------------------------------------------------- between entries and files
    "paragraph number {n} is out of order; number the paragraphs 1, 2, 3… (expected {expected} here)":
        "رقم الفقرة {n} ليس في ترتيبه؛ رقّم الفقرات 1، 2، 3… (المتوقع هنا {expected})",
    "first_paragraph {first} must be after the previous section's and at most {count}; correct it":
        "يجب أن تأتي first_paragraph {first} بعد فقرة القسم السابق وألا تزيد على {count}؛ صحّحها",
    "the date {date} comes before the event above it ({latest}); move this event up the list":
        "التاريخ {date} يسبق تاريخ الحدث الذي فوقه ({latest})؛ انقل هذا الحدث إلى أعلى القائمة",
    'the id "{id}" is already used (data/{file} line {line}); give this entry its own id':
        "المعرّف «{id}» مستعمل من قبل (data/{file} السطر {line})؛ أعطِ هذا المُدخل معرّفًا خاصًا به",
    'the page "{page}" is listed twice; keep one entry': "الصفحة «{page}» مذكورة مرتين؛ أبقِ مُدخلًا واحدًا",
    "paragraph {n} is out of range: the source has {count} paragraphs; use a number from 1 to {count}":
        "الفقرة {n} خارج النطاق: في المصدر {count} فقرة؛ استعمل رقمًا من 1 إلى {count}",
    # ---------------------------------------------------------------- interface strings
    "a {{ or }} does not belong to a placeholder; remove it, or write the placeholder as {{name}}":
        "علامة {{ أو }} لا تنتمي إلى أي خانة؛ احذفها، أو اكتب الخانة هكذا {{name}}",
    "the placeholder {written} is not one this string can use ({choices}); correct or remove it":
        "الخانة {written} ليست مما يقبله هذا النص ({choices})؛ صحّحها أو احذفها",
    'did you mean "{close}"? Correct the spelling': "هل تقصد «{close}»؟ صحّح الإملاء",
    "no page prints it: remove it": "لا تعرضه أي صفحة: احذفه",
    'the string "{key}" is not one the site uses; {fix}': "النص «{key}» ليس مما يستعمله الموقع؛ {fix}",
    "the placeholders differ from English ({want}); use the same ones":
        "الخانات تختلف عن الإنجليزية ({want})؛ استعمل الخانات نفسها",
    'the string "{key}" is missing; add `{key}: "…"` to this file': "النص «{key}» غير موجود؛ أضف `{key}: \"…\"` إلى هذا الملف",
    'the counted phrase "{key}" needs an `other:` form (used for any count without its own form); add it':
        "العبارة المعدودة «{key}» تحتاج إلى صيغة `other:` (تُستعمل لكل عدد ليست له صيغة خاصة)؛ أضفها",
    'the Arabic string "{key}" contains no Arabic letters; translate it':
        "النص العربي «{key}» لا يحوي حروفًا عربية؛ ترجمه",
    # ---------------------------------------------------------------- files
    "is it meant to be data/{close}? Rename it": "هل المقصود data/{close}؟ غيّر اسمه",
    "the site reads only {known}; move its content into one of them":
        "لا يقرأ الموقع إلا {known}؛ انقل محتواه إلى أحدها",
    "this file is not part of the site and would be ignored; {fix}": "هذا الملف ليس من ملفات الموقع وسيُتجاهل؛ {fix}",
    "the file holds nothing (null); restore its content": "الملف لا يحوي شيئًا (null)؛ أعد محتواه",
    "the file is missing; restore it (see the README)": "الملف غير موجود؛ أعده (انظر README)",
    "the file cannot be read ({reason}); restore it": "تعذّرت قراءة الملف ({reason})؛ أعده",
    "the file is not UTF-8 (byte 0x{byte} cannot be read); save it again with the encoding UTF-8":
        "الملف ليس بترميز UTF-8 (تعذّرت قراءة البايت 0x{byte})؛ احفظه من جديد بترميز UTF-8",
    "the file is empty; restore its content": "الملف فارغ؛ أعد محتواه",
    # ---------------------------------------------------------------- files in docs/ (explainer/pages/docs_files.py)
    "this file is not one of the site's pages ({pages}) nor of the theme's files, and MkDocs would publish it as it "
    "is; remove it (pages are listed in data/pages.yml)":
        "هذا الملف ليس من صفحات الموقع ({pages}) ولا من ملفات قالبه، وسينشره MkDocs كما هو؛ احذفه "
        "(الصفحات مُدرجة في data/pages.yml)",
    "this file is not one of the theme's files ({assets}), and MkDocs would publish it as it is; remove it (a new "
    "theme file is a change to explainer/pages/docs_files.py)":
        "هذا الملف ليس من ملفات قالب الموقع ({assets})، وسينشره MkDocs كما هو؛ احذفه "
        "(إضافة ملف إلى القالب تغييرٌ في explainer/pages/docs_files.py)",
    "this is a link to another file (a symbolic link), and MkDocs would publish what it points to; replace it with "
    "a real file, or remove it":
        "هذا رابط إلى ملف آخر (رابط رمزي)، وسينشر MkDocs ما يشير إليه؛ ضع مكانه ملفًا حقيقيًا، أو احذفه",
    "this folder is not part of the site; remove it (pages are docs/LANG/PAGE.md files, listed in data/pages.yml)":
        "هذا المجلد ليس جزءًا من الموقع؛ احذفه (الصفحات ملفات docs/LANG/PAGE.md مُدرجة في data/pages.yml)",
    # ---------------------------------------------------------------- code owners (explainer/tools/codeowners.py)
    "the file is missing; run {command} and commit it": "الملف غير موجود؛ شغّل {command} ثم احفظ التغيير (commit)",
    "no line `*  OWNERS` names who owns everything; write one at the top, like `*  @my-org/site-maintainers`, and "
    "run {command}":
        "لا يوجد سطر `*  OWNERS` يسمّي مالكي الملفات كلها؛ اكتبه في أعلى الملف، مثل `*  @my-org/site-maintainers`، "
        "ثم شغّل {command}",
    '"{owner}" is not an owner GitHub accepts; write @user, @org/team or an e-mail address':
        "المالك «{owner}» لا يقبله GitHub؛ اكتب @user أو @org/team أو عنوان بريد إلكتروني",
    'this file is not what data/pages.yml, the data files and the site\'s languages give (here: "{expected}"); run '
    "{command} and commit it":
        "هذا الملف لا يطابق ما تعطيه data/pages.yml وملفات البيانات ولغات الموقع (هنا: «{expected}»)؛ شغّل {command} "
        "ثم احفظ التغيير (commit)",
    "the owners are still the placeholder {placeholder}, which GitHub ignores, so no change needs a code owner's "
    "review; write your team on this line and run {command} (README, Code owners)":
        "المالكون ما زالوا القيمة المؤقتة {placeholder} التي يتجاهلها GitHub، فلا يحتاج أي تغيير إلى مراجعة مالكي "
        "الشيفرة؛ اكتب فريقك على هذا السطر ثم شغّل {command} (انظر README، فقرة Code owners)",
    # ---------------------------------------------------------------- YAML (explainer/data/yamlread.py)
    "YAML cannot read this line ({line_text}): {plain}": "تعذّرت قراءة هذا السطر ({line_text}): {plain}",
    "the YAML cannot be read here ({said}); check the indentation, the colons and the quotes on this line and the one "
    "above":
        "تعذّرت قراءة YAML هنا ({said})؛ راجع المسافات البادئة والنقطتين وعلامات التنصيص في هذا السطر والذي فوقه",
    'a quote (") opened here is never closed; add the closing quote at the end of the text':
        "علامة التنصيص (\") المفتوحة هنا لم تُغلق؛ أضف علامة الإغلاق في نهاية النص",
    'a colon followed by a space (": ") inside a value; put the whole value in double quotes':
        "نقطتان تليهما مسافة (\": \") داخل قيمة؛ ضع القيمة كلها بين علامتي تنصيص مزدوجتين",
    "this line is indented differently from the lines of the same entry; line it up with them":
        "المسافة البادئة لهذا السطر تختلف عن أسطر المُدخل نفسه؛ اجعل بدايته محاذية لبداياتها",
    "a key without its colon, or a quoted value that is not closed; write `key: value`":
        "مفتاح بلا نقطتين، أو قيمة بين علامتي تنصيص لم تُغلق؛ اكتب `key: value`",
    "a list [ … ] or an entry {{ … }} opened here is not closed, a quote inside it is not closed, or its items are "
    "not separated by commas":
        "قائمة [ … ] أو مُدخل {{ … }} مفتوح هنا لم يُغلق، أو فيه علامة تنصيص لم تُغلق، أو لم يُفصل بين عناصره بفواصل",
    'a list item ("- ") where a value was expected; check the indentation of this line and the one above':
        "عنصر قائمة (\"- \") حيث يُنتظر قيمة؛ راجع المسافة البادئة لهذا السطر والذي فوقه",
    "a character that cannot start a value; put the value in double quotes":
        "محرف لا يصح أن تبدأ به قيمة؛ ضع القيمة بين علامتي تنصيص مزدوجتين",
    "a backslash (\\) followed by a letter YAML does not know; write \\\\ for a backslash":
        "شرطة مائلة عكسية (\\) يليها حرف لا يعرفه YAML؛ اكتب \\\\ للشرطة المائلة العكسية",
    '"{value}" cannot be read as a whole number; write digits only, or put text in quotes':
        "تعذّرت قراءة «{value}» عددًا صحيحًا؛ اكتب أرقامًا فقط، أو ضع النص بين علامتي تنصيص",
    '"{value}" cannot be read as a number; write digits only, or put text in quotes':
        "تعذّرت قراءة «{value}» رقمًا؛ اكتب أرقامًا فقط، أو ضع النص بين علامتي تنصيص",
    '"{value}" cannot be read as true or false; write true or false, or put text in quotes':
        "تعذّرت قراءة «{value}» قيمةً منطقية؛ اكتب true أو false، أو ضع النص بين علامتي تنصيص",
    '"{value}" is marked as empty (!!null) but is not; remove the tag':
        "القيمة «{value}» موسومة بأنها فارغة (!!null) وهي ليست كذلك؛ احذف الوسم",
    "the tag {tag} is not allowed; remove it": "الوسم {tag} غير مسموح به؛ احذفه",
    "the alias *{anchor} is not allowed here; write the value out in full":
        "الإحالة *{anchor} غير مسموح بها هنا؛ اكتب القيمة كاملة",
    "the anchor &{anchor} is not allowed here; remove it and write values out in full":
        "المرساة &{anchor} غير مسموح بها هنا؛ احذفها واكتب القيم كاملة",
    "a tab is used for indentation; YAML needs spaces: replace the tab with spaces":
        "استُعملت مسافة جدولة (Tab) للإزاحة، وYAML يحتاج إلى مسافات عادية: ضع مسافات مكانها",
    "entries are nested more than {depth} levels deep here; no data file needs that many: check the indentation and "
    "the brackets":
        "المُدخلات متداخلة هنا أكثر من {depth} مستوى، ولا يحتاج أي ملف بيانات إلى ذلك: راجع المسافات البادئة والأقواس",
    "a key must be a plain word; write it as `name:`": "يجب أن يكون المفتاح كلمة بسيطة؛ اكتبه هكذا `name:`",
    'the key "{key}" appears twice in the same entry (first at line {first}); keep one of them':
        "المفتاح «{key}» مكرر في المُدخل نفسه (أول مرة في السطر {first})؛ أبقِ واحدًا منهما",
    # ---------------------------------------------------------------- the schema's own (explainer/data/schema.py)
    'the id "{value}" must be lower-case letters, digits and hyphens (like "sham-legion"); rename it':
        "يجب أن يتكون المعرّف «{value}» من حروف لاتينية صغيرة وأرقام وشرطات (مثل «sham-legion»)؛ غيّر اسمه",
    'the date "{value}" is not a real date; write it as YYYY-MM-DD, or YYYY-MM when the source gives only the month':
        "التاريخ «{value}» ليس تاريخًا صحيحًا؛ اكتبه بصيغة YYYY-MM-DD، أو YYYY-MM إذا لم يذكر المصدر إلا الشهر",
    "the English text (en) is empty; write the English text": "النص الإنجليزي (en) فارغ؛ اكتب النص الإنجليزي",
    "the English text (en) contains Arabic letters; move the Arabic to the ar field":
        "النص الإنجليزي (en) يحوي حروفًا عربية؛ انقل العربية إلى الحقل ar",
    "the Arabic text (ar) is empty; write the Arabic text": "النص العربي (ar) فارغ؛ اكتب النص العربي",
    "the Arabic text (ar) contains no Arabic letters; write it in Arabic": "النص العربي (ar) لا يحوي حروفًا عربية؛ اكتبه بالعربية",
    "an event needs a date, or, when the source gives none, a placement saying where it falls; add one":
        "يحتاج الحدث إلى تاريخ (date)، أو، إن لم يذكر المصدر تاريخًا، إلى موضع (placement) يبيّن أين يقع؛ أضف أحدهما",
    "an event has either a date or a placement, not both; remove one":
        "للحدث إما تاريخ (date) وإما موضع (placement)، لا الاثنان معًا؛ احذف أحدهما",
    "until must come after date; check both dates": "يجب أن يأتي until بعد date؛ راجع التاريخين",
    "date and until must be written alike: both with a day (YYYY-MM-DD) or both with a month only (YYYY-MM); "
    "correct one of them":
        "يجب أن يُكتب date وuntil بالصيغة نفسها: كلاهما باليوم (YYYY-MM-DD) أو كلاهما بالشهر فقط (YYYY-MM)؛ صحّح أحدهما",
    'the word "{word}" mixes alphabets: «{letter}» is {name}, among {script} letters; it looks the same but makes '
    "another word, which search cannot find: retype the word with one keyboard":
        "الكلمة «{word}» تخلط بين أبجديتين: «{letter}» هو {name}، بين حروف {script}؛ يبدو مثله لكنه يجعلها كلمة أخرى "
        "لا يجدها البحث: أعد كتابة الكلمة بلوحة مفاتيح واحدة",
    "this key point is {words} words long; a key point has at most {most}, so that the points stay in the first "
    "screen: shorten it, and leave the detail to the pages":
        "عدد كلمات هذه النقطة {words}، والحد الأقصى للنقطة الرئيسية {most} كلمة، كي تبقى النقاط في الشاشة الأولى؛ "
        "اختصرها، واترك التفاصيل للصفحات",
    'the alias "{value}" contains "|", which separates the aliases in the roster download (downloads/factions.csv); '
    'write it without "|", or make it two aliases':
        "الاسم البديل «{value}» يحوي «|»، وهي العلامة التي تفصل بين الأسماء البديلة في ملف القائمة المنزَّل "
        "(downloads/factions.csv)؛ اكتبه دون «|»، أو اجعله اسمين بديلين",
    "{label} is {length} characters long, more than the {most} allowed; shorten it":
        "طول {label} {length} محرفًا، وهذا أكثر من الحد المسموح به ({most})؛ اختصره",
    'the string "{key}" is {length} characters long, more than the {most} allowed; shorten it':
        "طول النص «{key}» {length} محرفًا، وهذا أكثر من الحد المسموح به ({most})؛ اختصره",
    # ---------------------------------------------------------------- pages in docs/ (explainer/pages/pages_check.py)
    "only a macro call may stand between {{{{ and }}}}, like {{{{ cite([3]) }}}}; remove the rest":
        "لا يوضع بين {{{{ و}}}} إلا استدعاء ماكرو، مثل {{{{ cite([3]) }}}}؛ احذف ما سواه",
    "only a macro call may stand between {{{{ and }}}}, like {{{{ cite([3]) }}}}; correct it":
        "لا يوضع بين {{{{ و}}}} إلا استدعاء ماكرو، مثل {{{{ cite([3]) }}}}؛ صحّحه",
    'there is no macro "{macro}"; use one of: {known}': "لا يوجد ماكرو باسم «{macro}»؛ استعمل واحدًا من: {known}",
    "{macro}(…) takes {shown}; correct the call": "يأخذ {macro}(…) {shown}؛ صحّح الاستدعاء",
    'this argument must be an id in quotes, like "{example}"': "يجب أن تكون هذه القيمة معرّفًا بين علامتي تنصيص، مثل \"{example}\"",
    '"{value}" is not a {kind} id; use one of: {known}': "القيمة «{value}» ليست معرّفًا من نوع {kind}؛ استعمل واحدًا من: {known}",
    "{macro}(…): {problem}": "في {macro}(…): {problem}",
    "this argument must be true or false": "يجب أن تكون هذه القيمة true أو false",
    "cite needs a list of paragraph numbers, like cite([3, 7])": "يحتاج cite إلى قائمة بأرقام الفقرات، مثل cite([3, 7])",
    "paragraph {n} does not exist: the source has paragraphs 1 to {count}":
        "الفقرة {n} غير موجودة: فقرات المصدر من 1 إلى {count}",
    '{{% %}} is not allowed in a page; pages hold prose and macro calls like {{{{ gap("host") }}}}':
        "لا يُسمح بـ {{% %}} في الصفحات؛ لا تحوي الصفحات إلا النصوص واستدعاءات الماكرو مثل {{{{ gap(\"host\") }}}}",
    "the HTML element <{tag}> is not allowed in a page; remove it (pages hold text, links and the site's macros)":
        "عنصر HTML <{tag}> غير مسموح به في الصفحات؛ احذفه (لا تحوي الصفحات إلا النصوص والروابط وماكرو الموقع)",
    'the attribute {name}="…" would run a script; remove it': "الخاصية {name}=\"…\" تشغّل برنامجًا نصيًا؛ احذفها",
    "the attribute style=\"…\" is not allowed (the site's stylesheet sets the look); remove it, or use a class":
        "الخاصية style=\"…\" غير مسموح بها (ورقة أنماط الموقع هي التي تحدد المظهر)؛ احذفها، أو استعمل class",
    'the link {name}="{value}" is not a web address; link to a page of the site or to https://…':
        "الرابط {name}=\"{value}\" ليس عنوانًا على الويب؛ اربط بصفحة من الموقع أو بعنوان يبدأ بـ https://…",
    "a {{{{ }}}} or {{% %}} here is not closed or not a macro call ({detail}); write macro calls as {{{{ name(…) }}}}":
        "هنا {{{{ }}}} أو {{% %}} لم يُغلق أو ليس استدعاء ماكرو ({detail})؛ اكتب استدعاء الماكرو هكذا {{{{ name(…) }}}}",
    "this page has no {lang} twin; add docs/{lang}/{page}.md": "ليست لهذه الصفحة نظيرة بلغة {lang}؛ أضف docs/{lang}/{page}.md",
    'the page "{page}" (docs/{lang}/{page}.md) has no entry here; add one with id: {page}, nav, title and description':
        "ليس للصفحة «{page}» (docs/{lang}/{page}.md) مُدخل هنا؛ أضف مُدخلًا فيه id: {page} وnav وtitle وdescription",
    'the entry "{page}" has no page in docs/; remove it, or add docs/{lang}/{page}.md and its twin':
        "ليس للمُدخل «{page}» صفحة في docs/؛ احذفه، أو أضف docs/{lang}/{page}.md ونظيرتها",
    # ---------------------------------------------------------------- the command line (explainer/tools/validate.py)
    "data/ is valid: {factions} factions, {actors} actors, {places} places, {quotes} quotes, {events} events, "
    "{paragraphs} source paragraphs.":
        "البيانات في data/ سليمة: الفصائل {factions}، والأطراف {actors}، والأماكن {places}، والتصريحات {quotes}، "
        "والأحداث {events}، وفقرات المصدر {paragraphs}.",
    'the group "{group}" is missing or has no actor; the camps figure draws this group by its id: keep a group with '
    "this id and at least one actor in it":
        "المجموعة «{group}» غير موجودة أو لا طرف فيها، ومخطط المعسكرين يرسم هذه المجموعة بمعرّفها: أبقِ مجموعة بهذا "
        "المعرّف وفيها طرف واحد على الأقل",
    # ---------------------------------------------------------------- settings (explainer/data/settings.py)
    '"{value}" is not a plain web address like https://github.com/OWNER/REPO; set {variable} to the repository\'s '
    "address, or unset it":
        "القيمة «{value}» ليست عنوان ويب بسيطًا مثل https://github.com/OWNER/REPO؛ اجعل {variable} عنوان المستودع، أو احذفه",
    '"{value}" is not a plain web address like https://OWNER.github.io/REPO/; set SITE_URL to the address the site '
    "is published at, or unset it":
        "القيمة «{value}» ليست عنوان ويب بسيطًا مثل https://OWNER.github.io/REPO/؛ اجعل SITE_URL العنوان الذي يُنشر عليه "
        "الموقع، أو احذفه",
    # ---------------------------------------------------------------- nothing vanishes (explainer/data/loader.py)
    'the quote "{id}" is shown on no page; list its id under `quotes:` of the reason it supports in data/camps.yml '
    "(the Reasons page shows it there)":
        "التصريح «{id}» لا يظهر في أي صفحة؛ أضف معرّفه تحت `quotes:` في السبب الذي يدعمه في data/camps.yml "
        "(فتعرضه صفحة الأسباب هناك)",
    'the quote "{id}" would be shown {count} times ({where}); keep it in one place':
        "التصريح «{id}» سيظهر {count} مرات ({where})؛ أبقِه في موضع واحد",
    'the quote "{id}" is shown on the page "{where}", but a quote of this speaker belongs on "{page}"; move it there':
        "التصريح «{id}» يظهر في الصفحة «{where}»، ومكان تصريحات هذا المتحدث الصفحة «{page}»؛ انقله إليها",
    '"{name}" is not found in the {language} of texts that name it in {other_language} ({texts}), on the page(s) '
    "{pages}; use this spelling there, or add the spelling used there to aliases ({lang})":
        "الاسم «{name}» غائب عن النص {language} في نصوص يرد فيها اسمه في النص {other_language} ({texts})، في الصفحة أو الصفحات "
        "{pages}؛ استعمل هذه الصيغة هناك، أو أضف الصيغة المستعملة هناك إلى aliases ({lang})",
    "Arabic": "العربي",
    "English": "الإنجليزي",
    "this page calls other macros than docs/{first}/{page}.md ({mine} here, {theirs} there); twin pages show the same "
    "facts: make the calls the same":
        "تستدعي هذه الصفحة ماكرو غير التي تستدعيها docs/{first}/{page}.md ({mine} هنا، و{theirs} هناك)؛ "
        "الصفحتان النظيرتان تعرضان المعلومات نفسها: اجعل الاستدعاءات واحدة",
    "{macro} is a macro: call it with brackets, like {{{{ {macro}() }}}}":
        "الاسم {macro} ماكرو: استدعِه بقوسين، هكذا {{{{ {macro}() }}}}",
    'YAML cannot read this line ({line_text}): the text in quotes that starts here is not closed; add " at the end of '
    "the text":
        "تعذّرت قراءة هذا السطر ({line_text}): النص الذي يبدأ هنا بعلامة تنصيص لم يُغلق؛ أضف \" في نهاية النص",
    'the key "{key}" belongs inside "{holder}" above: indent it to line up with "{line_up}"':
        "المفتاح «{key}» مكانه داخل «{holder}» أعلاه: زد مسافته البادئة ليكون على استقامة «{line_up}»",
    '{label} "{given}" is not one of: {options}; did you mean "{close}"?':
        "القيمة «{given}» في {label} ليست من بين: {options}؛ هل تقصد «{close}»؟",
    '{what} "{value}" is not one of: {options}; did you mean "{close}"?':
        "القيمة «{value}» في {what} ليست من بين: {options}؛ هل تقصد «{close}»؟",
    # ---------------------------------------------------------------- the issue form (explainer/pages/issue_form.py)
    "run `python -m explainer.pages.issue_form --write` (or `make issue-form`) to write the list from data/pages.yml":
        "شغّل `python -m explainer.pages.issue_form --write` (أو `make issue-form`) لتُكتب القائمة من data/pages.yml",
    'the form has no dropdown with id "{id}" listing the pages; {fix}':
        "ليس في النموذج قائمة منسدلة معرّفها «{id}» تسرد الصفحات؛ {fix}",
    "the page list is not a list; {fix}":
        "قائمة الصفحات ليست قائمة؛ {fix}",
    'this option should be "{label}", the menu label of the page "{page}" in data/pages.yml (in both languages, in '
    "the menu's order); {fix}":
        "يجب أن يكون هذا الخيار «{label}»، وهو اسم الصفحة «{page}» في القائمة كما في data/pages.yml (باللغتين، "
        "وبترتيب القائمة)؛ {fix}",
    # ---------------------------------------------------------------- the built site (explainer/publish/output_guard.py)
    "in the built {page}: {problem}": "في الصفحة المبنية {page}: {problem}",
    "this file is not one the site publishes (its pages, the theme's assets, the downloads and the search index); "
    "remove it from docs/":
        "هذا الملف ليس مما ينشره الموقع (صفحاته وملفات القالب والتنزيلات وفهرس البحث)؛ احذفه من docs/",
    "the element <{element}> is not one the site uses; remove it": "العنصر <{element}> ليس مما يستعمله الموقع؛ احذفه",
    'the attribute {attribute}="…" on <{element}> is not one the site uses; remove it':
        "الخاصية {attribute}=\"…\" في العنصر <{element}> ليست مما يستعمله الموقع؛ احذفها",
    'the attribute {attribute}="…" on <{element}> would run a script; remove it':
        "الخاصية {attribute}=\"…\" في العنصر <{element}> تشغّل برنامجًا نصيًا؛ احذفها",
    "the attribute style=\"…\" on <{element}> is not allowed (the site's stylesheet sets the look); remove it, or use "
    "a class":
        "الخاصية style=\"…\" في العنصر <{element}> غير مسموح بها (ورقة أنماط الموقع هي التي تحدد المظهر)؛ احذفها، "
        "أو استعمل class",
    'the address {attribute}="{value}" on <{element}> is not a web address (only http:, https:, mailto: or a link '
    "within the site); correct it":
        "العنوان {attribute}=\"{value}\" في العنصر <{element}> ليس عنوانًا على الويب (المسموح: http: وhttps: "
        "وmailto: أو رابط داخل الموقع)؛ صحّحه",
    'the address {attribute}="{value}" on <{element}> must be a file of the site; correct it':
        "يجب أن يكون العنوان {attribute}=\"{value}\" في العنصر <{element}> ملفًا من الموقع؛ صحّحه",
    'the value {attribute}="{value}" on <{element}> is not one the site uses; remove it':
        "القيمة {attribute}=\"{value}\" في العنصر <{element}> ليست مما يستعمله الموقع؛ احذفها",
    "<base> would change where every link of the page goes; remove it":
        "العنصر <base> يغيّر وجهة كل روابط الصفحة؛ احذفه",
    '<meta http-equiv="refresh"> would send the reader to another page; remove it':
        "العنصر <meta http-equiv=\"refresh\"> ينقل القارئ إلى صفحة أخرى؛ احذفه",
    "the SVG animation <{element}> (of {target}) could turn a link into a script; remove it":
        "تحريك SVG <{element}> (للخاصية {target}) قد يجعل الرابط برنامجًا نصيًا؛ احذفه",
    'the attribute {attribute}="…" on <{element}> points outside the drawing; remove it':
        "الخاصية {attribute}=\"…\" في العنصر <{element}> تشير إلى خارج الرسم؛ احذفها",
    "an inline script that is not one of the theme's known scripts (explainer/publish/csp.py KNOWN_SCRIPTS); remove it":
        "برنامج نصي مضمَّن ليس من البرامج المعروفة للقالب (KNOWN_SCRIPTS في explainer/publish/csp.py)؛ احذفه",
    "a script inside the page's content (pages hold prose, links and the site's macros); remove it":
        "برنامج نصي داخل محتوى الصفحة (لا تحوي الصفحات إلا النصوص والروابط وماكرو الموقع)؛ احذفه",
    "a script from a file inside the page's content; remove it": "برنامج نصي من ملف داخل محتوى الصفحة؛ احذفه",
    'a data block (<script type="application/json">) that is not JSON; correct it':
        "كتلة بيانات (<script type=\"application/json\">) ليست بصيغة JSON؛ صحّحها",
    "an SVG file may not declare a DOCTYPE, entities or processing instructions; remove them":
        "لا يجوز أن يعلن ملف SVG عن DOCTYPE أو كيانات أو تعليمات معالجة؛ احذفها",
    "this SVG file is not well-formed XML ({detail}); correct it": "ملف SVG هذا ليس XML سليم البنية ({detail})؛ صحّحه",
    # ---------------------------------------------------------------- no silent path (issue 20)
    "the text is wrapped in {opening}…{closing}, which would be published as part of it; remove them (to quote a whole "
    'value in YAML, use straight double quotes: "…")':
        "النص محاط بـ{opening}…{closing}، وستُنشر جزءًا منه؛ احذفهما (ولإحاطة القيمة كلها في YAML استعمل علامتي "
        "التنصيص المستقيمتين: \"…\")",
    'the quote "{quote}" is by "{speaker}", of the camp "{side}", but it is listed under a reason of the camp "{camp}"; '
    'list it under a reason of "{side}"':
        "الاقتباس «{quote}» قاله «{speaker}» من معسكر «{side}»، لكنه مُدرج تحت سبب من أسباب معسكر «{camp}»؛ "
        "أدرجه تحت سبب من أسباب «{side}»",
    "the quote begins or ends with {mark}, but the page puts the quotation marks around it itself (it would show "
    "{mark}{mark}); remove the marks at the start and the end":
        "يبدأ الاقتباس أو ينتهي بـ{mark}، لكن الصفحة تضع علامات التنصيص حوله بنفسها (فتظهر {mark}{mark})؛ "
        "احذف العلامات من أوله وآخره",
    "the Arabic quote ends with a full stop, which the page would show inside the quotation marks («….»); remove it: "
    "the sentence around the quote takes the punctuation":
        "ينتهي الاقتباس العربي بنقطة، وستظهرها الصفحة داخل علامتي التنصيص («….»)؛ احذفها: فعلامة الترقيم للجملة "
        "المحيطة بالاقتباس",
    'the other spelling "{alias}" is the name itself; remove it from aliases ({lang})':
        "الصيغة الأخرى «{alias}» هي الاسم نفسه؛ احذفها من aliases ({lang})",
    'the other spelling "{alias}" is listed twice; remove one':
        "الصيغة الأخرى «{alias}» مذكورة مرتين؛ احذف إحداهما",
    'the correction date "{date}" gives only the month; write the day of the fix too (YYYY-MM-DD)':
        "تاريخ التصحيح «{date}» يذكر الشهر وحده؛ اكتب يوم التصحيح أيضًا (YYYY-MM-DD)",
    'the correction date "{date}" is in the future (today is {today}); write the day the fix was made':
        "تاريخ التصحيح «{date}» في المستقبل (اليوم {today})؛ اكتب اليوم الذي صُحّح فيه",
    'the correction of {date} is listed below an older one ({newer}); list corrections newest first: move it up':
        "تصحيح {date} مُدرج تحت تصحيح أقدم منه ({newer})؛ رتّب التصحيحات من الأحدث إلى الأقدم: انقله إلى أعلى",
    'this text still uses "{old}", the old spelling of "{new}" (kept among its other spellings); write "{new}" here, '
    "unless the old spelling is meant":
        "ما زال هذا النص يستعمل «{old}»، وهي الصيغة القديمة لـ«{new}» (المحفوظة بين صيغه الأخرى)؛ اكتب «{new}» هنا، "
        "إلا إذا كانت الصيغة القديمة مقصودة",
    "warning: {message}": "تنبيه: {message}",
    # ---------------------------------------------------------------- messages that said the wrong fix (issue 20)
    "a camp": "معسكر", "a group": "مجموعة", "a person": "شخص", "a faction": "فصيل", "an actor": "طرف",
    "a quote": "اقتباس", "a faction, an actor or a camp": "فصيل أو طرف أو معسكر",
    'line {line} belongs to the entry at line {entry} above (it is indented too little); indent it to line up with '
    '"{line_up}"':
        "السطر {line} جزء من المُدخل الذي في السطر {entry} أعلاه (مسافته البادئة أقل مما ينبغي)؛ زد مسافته البادئة "
        "ليحاذي «{line_up}»",
    '{what} "{value}" is not the id of {kinds}; did you mean {close}?':
        "القيمة «{value}» في {what} ليست معرّف {kinds}؛ هل تقصد {close}؟",
    '{what} "{value}" is not the id of {kinds}; use an id listed in {files}':
        "القيمة «{value}» في {what} ليست معرّف {kinds}؛ استعمل معرّفًا مذكورًا في {files}",
    'a space is missing after "{key}:"; write `{key}: {value}`':
        "تنقص مسافة بعد «{key}:»؛ اكتب `{key}: {value}`",
    "{label} is written in Arabic-Indic digits ({given}); write Western digits: {digits}":
        "كُتب {label} بالأرقام العربية المشرقية ({given})؛ اكتبه بالأرقام الغربية: {digits}",
    "{label} is a list: write it in square brackets, [{given}]":
        "قيمة {label} قائمة: اكتبها بين قوسين معقوفين، [{given}]",
    'the text in quotes is closed with {mark} here, but opened with a straight "; YAML needs a straight " at both '
    'ends: replace {mark} with "':
        "أُغلق النص هنا بـ{mark}، لكنه فُتح بعلامة تنصيص مستقيمة \"؛ تحتاج YAML إلى \" مستقيمة في الطرفين: ضع \" مكان {mark}",
    'a straight " inside a text ends the text here; inside a text, use “ ” (English) or « » (Arabic) instead of "':
        "علامة التنصيص المستقيمة \" داخل النص تُنهي النص هنا؛ استعمل داخل النص “ ” (في الإنجليزية) أو « » (في العربية) "
        "بدلًا من \"",
    # ---------------------------------------------------------------- the build's last line, the language setting
    "1 problem in data/ or docs/ (above); nothing was built": "مشكلة واحدة في data/ أو docs/ (أعلاه)؛ لم يُبنَ شيء",
    "{count} problems in data/ or docs/ (above); nothing was built":
        "عدد المشكلات في data/ أو docs/: {count} (أعلاه)؛ لم يُبنَ شيء",
    '"{value}" is not a language of the messages ({languages}); set {variable} to one of them, or unset it':
        "القيمة «{value}» ليست من لغات الرسائل ({languages})؛ اجعل {variable} واحدة منها، أو احذفه",
    # ---------------------------------------------------------------- make serve (explainer/publish/hooks.py)
    "the build failed; the messages are in the terminal where `make serve` runs":
        "تعذّر البناء؛ الرسائل في الطرفية التي يعمل فيها `make serve`",
    "the site could not be built; the pages show the messages until the next good build":
        "تعذّر بناء الموقع؛ تعرض الصفحات الرسائل حتى ينجح البناء التالي",
    "The site could not be built": "تعذّر بناء الموقع",
    "Correct each line below in the file it names and save: this page reloads by itself.":
        "صحّح كل سطر أدناه في الملف الذي يذكره ثم احفظه: تُعاد هذه الصفحة وحدها.",
}
