"""Stop words per language, written for whole-question search queries.

Visitors often type a question instead of keywords ("Wo kann ich Deutsch lernen?"), so the
lists cover question words, pronouns, modal verbs, articles, prepositions and polite filler.
Content words a visitor might search for on their own (help, counselling, course, German,
learn, work, ...) are deliberately left out. The lists are written in natural spelling;
``search.analysis`` normalises them once at import, so they match normalised tokens.
German "innen" is listed because gender-inclusive spellings ("Ärzt:innen") split into the
stem and "innen".
"""

RAW_STOPWORDS: dict[str, str] = {
    "de": """
        wo woher wohin wie was wer wen wem wessen wann warum wieso weshalb welche welcher
        welches welchen welchem ob
        ich du er sie es wir ihr man mich mir dich dir uns euch sich
        mein meine meinen meinem meiner dein deine unser unsere ihre ihren
        der die das den dem des ein eine einen einem einer eines
        und oder aber auch sowie denn dass wenn als so noch schon nur sehr
        in im an am auf aus bei beim mit nach von vom zu zum zur für über um vor durch
        gibt gib ist sind bin bist sein war habe hat haben hast werden wird würde
        kann kannst können könnt könnte möchte möchten will wollen muss müssen soll sollte
        suche suchen finde finden brauche
        bitte danke hallo hier da dort jemand etwas nicht kein keine ja nein innen
    """,
    "en": """
        where what who whom whose which when why how
        can could may might will would shall should must
        i me my mine we us our you your he him his she her it its they them their
        a an the and or but if then so than of in on at to for from by with about into
        near there here this that these those any some someone anyone somebody
        is are am was were be been being do does did have has had
        get got find want need looking look please hello hi thanks also too very just
        not no yes
    """,
    "ar": """
        أين وين كيف ماذا ما متى لماذا هل أي كم من
        أنا نحن أنت أنتم هو هي هم لي لنا له لها
        في على إلى عن مع عند بين بعد قبل حول مثل حتى
        هذا هذه ذلك تلك الذي التي الذين و أو ثم لكن أن إن قد لقد فقط أيضا جدا كل بعض غير
        لا نعم كان يكون يوجد توجد هناك هنا
        يمكن يمكنني ممكن أستطيع أريد بدي أحتاج أجد أبحث
        لو سمحت فضلك مرحبا شكرا
    """,
    "fa": """
        کجا کجاست چطور چطوری چگونه چه چی چرا کی کدام کدوم چند آیا
        من ما تو شما او آنها اونها این آن اون
        که را رو و یا با در از به برای تا بر روی هم نیز اگر ولی اما همه هر
        است هست هستم هستند بود باشد شود میشود میشه
        میتوانم میتونم می‌توانم میخواهم می‌خواهم میخوام خواهم باید دارم داره دارد
        کنم کنید پیدا لطفا سلام ممنون مرسی یک یه
    """,
    "uk": """
        де куди звідки як коли чому навіщо що хто скільки чи який яка яке які
        можна можу можемо хочу хочемо треба потрібно потрібен потрібна знайти
        я мені мене ми нам нас ти тобі ви вам вас він вона воно вони його її їх
        мій моя моє мої свій
        в у на для і й та а але або з із зі до по за від про при без над під через
        це цей ця ці той та те там тут є бути був була буде не ні так також вже ще
        дуже щоб якщо будь ласка привіт вітаю дякую
    """,
    "ru": """
        где куда откуда как когда почему зачем что кто сколько ли какой какая какое какие
        можно могу можем хочу хотим хотел хотела нужно надо нужен нужна найти
        я мне меня мы нам нас ты тебе вы вам вас он она оно они его её их
        мой моя моё мои свой
        в во на для и а но или с со у к ко по о об от до из за при про без над под через
        это этот эта эти тот та те там тут здесь есть быть был была будет бы же не нет да
        тоже также уже ещё очень чтобы если пожалуйста здравствуйте привет спасибо
    """,
    "tr": """
        nerede nerde nereden nereye nasıl ne neden niye niçin kim kime hangi kaç
        ben bana beni benim sen sana seni siz size sizin biz bize bizim o onlar bu şu
        bunu şunu bir ve veya ya ile için de da ki mi mı mu mü miyim mıyım var yok
        istiyorum isterim istiyoruz lazım gerek gerekiyor bulabilirim bulmak
        olabilir olarak gibi çok daha en ama fakat ise eğer her hiç acaba
        lütfen merhaba teşekkürler
    """,
}
