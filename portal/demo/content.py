"""Demo content for the mail setup help portal: categories, articles and mail programs.

Pure data. Article bodies are Markdown (headings from `##`); a line with only `[[ports-table]]`
or `[[servers]]` is a macro that shows live data. Program steps may use the placeholders listed
in `portal.mail.steps.PLACEHOLDERS` and no other curly braces.
"""

from textwrap import dedent

CATEGORIES = [
    {
        "slug": "osnove",
        "order": 1,
        "name_sl": "Osnove",
        "name_en": "The basics",
        "description_sl": (
            "Kaj so poštni program, POP3, IMAP, SMTP in SSL/TLS – razloženo preprosto, "
            "brez strokovnega žargona."
        ),
        "description_en": (
            "What an email program, POP3, IMAP, SMTP and SSL/TLS are – explained simply, "
            "without jargon."
        ),
    },
    {
        "slug": "nastavitve",
        "order": 2,
        "name_sl": "Nastavitve",
        "name_en": "Settings",
        "description_sl": (
            "Ime strežnika, vrata, uporabniško ime in geslo: katere podatke vpišete v poštni "
            "program in kje jih najdete."
        ),
        "description_en": (
            "Server name, ports, username and password: what to enter in your email program "
            "and where to find it."
        ),
    },
    {
        "slug": "tezave",
        "order": 3,
        "name_sl": "Težave in sporočila o napakah",
        "name_en": "Problems and error messages",
        "description_sl": (
            "Vaš program javlja napako? Poiščite sporočilo, ki ga vidite na zaslonu, "
            "in ga odpravite po korakih."
        ),
        "description_en": (
            "Is your email program showing an error? Look up the message you see on screen "
            "and fix it step by step."
        ),
    },
]


ARTICLES = [
    # ----------------------------------------------------------------------------------------
    # Osnove / The basics
    # ----------------------------------------------------------------------------------------
    {
        "slug": "kaj-je-postni-odjemalec",
        "category": "osnove",
        "order": 1,
        "title_sl": "Kaj je poštni odjemalec (poštni program)?",
        "title_en": "What is an email program (mail client)?",
        "summary_sl": (
            "Poštni odjemalec je program v računalniku ali telefonu, v katerem berete, pišete "
            "in urejate e-pošto z enega ali več naslovov."
        ),
        "summary_en": (
            "An email program, or mail client, is an app on your computer or phone where you "
            "read, write and organise email from one or more addresses."
        ),
        "body_sl": dedent("""\
            ## Program, ki prinese pošto k vam

            Poštni odjemalec (pravimo mu tudi poštni program ali aplikacija za e-pošto) je
            program, v katerem berete in pišete e-pošto. Namesto da se vsakič prijavite v
            spletno pošto, odprete program v računalniku ali telefonu in sporočila so že tam.

            Poleg sporočil v njem običajno urejate še:

            - podpis, ki se samodejno doda na konec sporočila,
            - imenik stikov,
            - mape in pravila za razvrščanje pošte,
            - pogosto tudi koledar in opomnike.

            ## Najbolj znani programi

            Izbira je velika, tako za računalnike kot za telefone in tablice. Najpogosteje
            srečamo:

            - **Microsoft Outlook** (Windows in Mac),
            - **Mozilla Thunderbird** (brezplačen, za Windows, Mac in Linux),
            - **Apple Mail** (Mac, iPhone in iPad),
            - **Gmail** in **Samsung Email** (telefoni Android).

            ## Več naslovov na enem mestu

            V isti program lahko dodate več e-poštnih naslovov: naslov, ki ste ga ustvarili na
            svojem paketu gostovanja (na primer info@vasadomena.si), zasebni naslov pri Gmailu
            in druge. Vsak naslov je v programu svoj račun, pošto pa pregledujete na enem mestu.

            ## Kaj mora program vedeti

            Da se program poveže z vašim poštnim predalom, mu povejte nekaj podatkov:

            1. svoj e-poštni naslov in geslo poštnega predala,
            2. kako naj pošto prejema – po protokolu **POP3** ali **IMAP**,
            3. ime strežnika in številko vrat za prejemanje in pošiljanje,
            4. ali naj povezavo šifrira (priporočamo **SSL/TLS**).

            Sliši se zapleteno, a ni. Vse pojme preprosto razložimo v sosednjih člankih.
            [Čarovnik za nastavitev](/carovnik/) pa vam po nekaj vprašanjih pripravi točne
            nastavitve in korake za vaš program.
            """),
        "body_en": dedent("""\
            ## A program that brings your mail to you

            An email program (also called a mail client or mail app) is the program you use to
            read and write email. Instead of logging in to webmail every time, you open the app
            on your computer or phone and your messages are already there.

            Besides messages, you can usually manage:

            - a signature that is added to the end of every message,
            - your contacts,
            - folders and rules that sort incoming mail,
            - often a calendar and reminders too.

            ## The best-known programs

            There are many to choose from, for computers as well as phones and tablets. The ones
            you are most likely to meet are:

            - **Microsoft Outlook** (Windows and Mac),
            - **Mozilla Thunderbird** (free, for Windows, Mac and Linux),
            - **Apple Mail** (Mac, iPhone and iPad),
            - **Gmail** and **Samsung Email** (Android phones).

            ## Several addresses in one place

            You can add several email addresses to the same program: the address you created on
            your hosting package (for example info@vasadomena.si), a personal Gmail address and
            others. Each address becomes a separate account in the program, but you read all
            your mail in one place.

            ## What the program needs to know

            To connect to your mailbox, the program needs a few details:

            1. your email address and your mailbox password,
            2. how to receive mail – with **POP3** or **IMAP**,
            3. the server name and port numbers for receiving and sending,
            4. whether to encrypt the connection (we recommend **SSL/TLS**).

            It sounds complicated, but it isn't. The related articles explain each term in plain
            words, and the [setup wizard](/en/wizard/) asks you a few questions and then shows
            the exact settings and steps for your program.
            """),
        "related": ["pop3-ali-imap", "kaj-je-imap", "kaj-je-smtp"],
    },
    {
        "slug": "kaj-je-pop3",
        "category": "osnove",
        "order": 2,
        "title_sl": "Kaj je POP3?",
        "title_en": "What is POP3?",
        "summary_sl": (
            "POP3 prenese pošto s strežnika v vašo napravo in jo s strežnika praviloma izbriše, "
            "zato se na paketu gostovanja sprošča prostor."
        ),
        "summary_en": (
            "POP3 downloads your mail from the server to your device and usually deletes it "
            "from the server, which frees up space on your hosting package."
        ),
        "body_sl": dedent("""\
            ## Pošta se preseli v vašo napravo

            POP3 (Post Office Protocol, različica 3) je način prejemanja pošte. Poštni program
            se poveže s strežnikom, nova sporočila prenese v vašo napravo, nato pa jih s
            strežnika izbriše. Od tedaj so sporočila shranjena samo v vašem računalniku ali
            telefonu.

            Podobno je, kot bi vsak dan izpraznili nabiralnik pred hišo in pošto odnesli v
            stanovanje: nabiralnik je spet prazen, pisma pa so pri vas.

            ## Prednosti

            - Na strežniku ostane malo pošte, zato se sprošča prostor na paketu gostovanja.
            - Prenesena sporočila lahko berete tudi brez internetne povezave.
            - Dobro se obnese pri veliki količini pošte.

            ## Na kaj morate paziti

            - Sporočilo, ki ga prenese ena naprava, drugje ni več vidno. Če pošto prenese
              telefon, je v računalniku ne boste našli.
            - Poslana pošta, mape in oznaka »prebrano« se med napravami ne usklajujejo.
            - Za varnostne kopije skrbite sami. Če se računalnik pokvari, lahko z njim izgubite
              tudi pošto.

            ## Kopija na strežniku

            Skoraj vsak poštni program pri POP3 ponuja možnost, da na strežniku pusti kopijo
            sporočil – trajno ali le določeno število dni (na primer 14), nato pa jo izbriše.
            Tako lahko v tem času pošto prenese tudi druga naprava.

            ## Komu priporočamo POP3

            - Če pošto uporabljate veliko, vendar vedno z **ene same naprave**.
            - Če se pošta s tega naslova **posreduje na druge naslove** in vam predal služi le
              kot vmesna postaja.

            Za POP3 uporabite vrata **995** s šifriranjem **SSL/TLS**. Niste prepričani, ali je
            POP3 prava izbira? [Čarovnik za nastavitev](/carovnik/) vam po nekaj vprašanjih
            priporoči POP3 ali IMAP.
            """),
        "body_en": dedent("""\
            ## Your mail moves to your device

            POP3 (Post Office Protocol, version 3) is a way of receiving email. Your email
            program connects to the server, downloads new messages to your device and then
            deletes them from the server. From then on, the messages are stored only on your
            computer or phone.

            It is like emptying the letterbox at your front gate every day and carrying the
            post inside: the letterbox is empty again, and the letters are with you.

            ## Advantages

            - Little mail stays on the server, so space on your hosting package is freed up.
            - You can read downloaded messages without an internet connection.
            - It copes well with large amounts of mail.

            ## Things to watch out for

            - A message downloaded by one device is no longer visible elsewhere. If your phone
              downloads the mail, you won't find it on your computer.
            - Sent mail, folders and "read" marks are not synchronised between devices.
            - Backups are up to you. If your computer breaks, your mail may go with it.

            ## Keeping a copy on the server

            Almost every email program lets you keep a copy of messages on the server when you
            use POP3 – either for good or for a set number of days (say 14) before it is
            deleted. During that time another device can download the mail too.

            ## Who we recommend POP3 for

            - People who use email a lot, but always from **one device**.
            - Mailboxes whose mail is **forwarded to other addresses**, where the mailbox is
              just a stopover.

            For POP3, use port **995** with **SSL/TLS** encryption. Not sure whether POP3 is right
            for you? The [setup wizard](/en/wizard/) asks a few questions and recommends POP3
            or IMAP for you.
            """),
        "related": ["kaj-je-imap", "pop3-ali-imap", "tabela-vrat"],
    },
    {
        "slug": "kaj-je-imap",
        "category": "osnove",
        "order": 3,
        "title_sl": "Kaj je IMAP?",
        "title_en": "What is IMAP?",
        "summary_sl": (
            "Pri IMAP pošta ostane na strežniku in je usklajena na vseh napravah, zato v "
            "telefonu in računalniku vidite isto stanje."
        ),
        "summary_en": (
            "With IMAP your mail stays on the server and is kept in sync on all your devices, "
            "so your phone and computer always show the same thing."
        ),
        "body_sl": dedent("""\
            ## Ista pošta na vseh napravah

            IMAP (Internet Message Access Protocol) je način prejemanja pošte, pri katerem
            sporočila ostanejo na strežniku. Poštni program jih prikazuje in sproti usklajuje s
            strežnikom.

            Zato je stanje povsod enako. Sporočilo, ki ga preberete v telefonu, je prebrano tudi
            v računalniku. Enako velja za poslano pošto, izbrisana sporočila in mape, ki jih
            ustvarite sami.

            ## Prednosti

            - Pošto vidite na vseh napravah: v računalniku, telefonu, tablici in v spletni pošti.
            - Sporočilo, poslano s telefona, najdete tudi v računalniku.
            - Če napravo izgubite ali zamenjate, pošta ostane na strežniku. Novo napravo samo
              povežete.
            - Isti predal (na primer info@vasadomena.si) lahko hkrati uporablja več sodelavcev.

            ## Na kaj morate paziti

            Ker vsa pošta ostane na strežniku, zaseda prostor na vašem paketu gostovanja. Če
            prejemate veliko sporočil ali velike priponke, se prostor porablja hitreje. Ko ga
            zmanjka, nova pošta ne more več priti v predal.

            Nekaj nasvetov:

            - občasno izpraznite mapi Koš in Neželena pošta,
            - izbrišite stara sporočila z velikimi priponkami,
            - zasedenost prostora občasno preverite v nadzorni plošči cPanel.

            ## Komu priporočamo IMAP

            IMAP priporočamo, kadar **en ali več ljudi uporablja isti (skupni) poštni predal z
            več naprav**. Primer: v pisarni dva sodelavca odgovarjata na info@vasadomena.si,
            vsak s svojega računalnika, občasno pa še s telefona.

            Za IMAP uporabite vrata **993** s šifriranjem **SSL/TLS**. Če pošto berete samo na
            eni napravi, razmislite tudi o POP3. [Čarovnik za nastavitev](/carovnik/) vam glede
            na vaše odgovore priporoči eno ali drugo.
            """),
        "body_en": dedent("""\
            ## The same mail on every device

            IMAP (Internet Message Access Protocol) is a way of receiving email in which the
            messages stay on the server. Your email program displays them and keeps itself in
            sync with the server all the time.

            That is why everything looks the same everywhere. A message you read on your phone
            is marked as read on your computer too. The same goes for sent mail, deleted
            messages and any folders you create.

            ## Advantages

            - You see your mail on every device: computer, phone, tablet and webmail.
            - A message sent from your phone also shows up on your computer.
            - If you lose or replace a device, your mail is still on the server. You simply
              connect the new device.
            - Several colleagues can use the same mailbox (for example info@vasadomena.si) at
              the same time.

            ## Things to watch out for

            Because all your mail stays on the server, it takes up space on your hosting
            package. If you receive lots of messages or large attachments, that space fills up
            sooner. Once it runs out, new mail can no longer reach the mailbox.

            A few tips:

            - empty the Trash and Junk folders now and then,
            - delete old messages with large attachments,
            - check how much space you use in the cPanel control panel from time to time.

            ## Who we recommend IMAP for

            We recommend IMAP when **one or more people use the same (shared) mailbox from
            several devices**. For example, two colleagues in an office answer
            info@vasadomena.si, each from their own computer and sometimes from a phone.

            For IMAP, use port **993** with **SSL/TLS** encryption. If you only read mail on one
            device, consider POP3 too. The [setup wizard](/en/wizard/) recommends one or the
            other based on your answers.
            """),
        "related": ["kaj-je-pop3", "pop3-ali-imap", "tabela-vrat"],
    },
    {
        "slug": "kaj-je-smtp",
        "category": "osnove",
        "order": 4,
        "title_sl": "Kaj je SMTP (strežnik za odhodno pošto)?",
        "title_en": "What is SMTP (the outgoing mail server)?",
        "summary_sl": (
            "SMTP poskrbi, da sporočilo iz vašega programa pride do našega strežnika in naprej "
            "do naslovnika; za pošiljanje je obvezna prijava."
        ),
        "summary_en": (
            "SMTP takes a message from your email program to our server and on to the "
            "recipient; you must sign in to send."
        ),
        "body_sl": dedent("""\
            ## Protokol za pošiljanje

            POP3 in IMAP skrbita za prejemanje pošte, SMTP (Simple Mail Transfer Protocol) pa
            za pošiljanje. Ko v programu kliknete »Pošlji«, program sporočilo preda našemu
            strežniku za odhodno pošto. Ta ga dostavi strežniku, ki hrani predal naslovnika.

            Zato v vsakem poštnem programu nastavite dva strežnika: za dohodno pošto (POP3 ali
            IMAP) in za odhodno pošto (SMTP). Pri nas je ime strežnika za oba enako.

            ## Prijava je obvezna

            Naš strežnik sprejme sporočilo za pošiljanje samo, če se program prijavi – z istim
            uporabniškim imenom (celim e-poštnim naslovom) in geslom kot pri prejemanju. Tako
            nihče drug ne more pošiljati pošte v vašem imenu.

            V programih je ta možnost poimenovana različno, na primer:

            - »Strežnik za odhodno pošto (SMTP) zahteva preverjanje pristnosti« (Outlook),
            - način overitve »Običajno geslo« (Thunderbird),
            - »Zahtevaj prijavo« (Gmail v Androidu).

            Če je prijava izklopljena, pošiljanje ne uspe, program pa javi napako, kot je
            `Relay access denied`.

            ## Vrata za SMTP

            - **465** s šifriranjem SSL/TLS – priporočamo,
            - **587** s šifriranjem STARTTLS – dobra druga izbira,
            - **26** brez šifriranja – samo v sili, ni priporočljivo,
            - **25** – domači ponudniki interneta jih pogosto blokirajo.

            ## Primer nastavitev

            | Nastavitev | Vrednost |
            |---|---|
            | Strežnik za odhodno pošto | streznik.avant.si |
            | Vrata | 465 |
            | Šifriranje | SSL/TLS |
            | Uporabniško ime | info@vasadomena.si |
            | Prijava | vklopljena, isto geslo kot za prejemanje |
            """),
        "body_en": dedent("""\
            ## The protocol for sending

            POP3 and IMAP take care of receiving mail; SMTP (Simple Mail Transfer Protocol)
            takes care of sending it. When you click "Send", your program hands the message to
            our outgoing mail server, which then delivers it to the server that holds the
            recipient's mailbox.

            That is why every email program needs two servers: one for incoming mail (POP3 or
            IMAP) and one for outgoing mail (SMTP). With us, both use the same server name.

            ## Signing in is required

            Our server only accepts a message for sending if your program signs in – with the
            same username (your full email address) and password as for receiving. This way
            nobody else can send mail in your name.

            Programs give this option different names, for example:

            - "My outgoing server (SMTP) requires authentication" (Outlook),
            - authentication method "Normal password" (Thunderbird),
            - "Require sign-in" (Gmail on Android).

            If signing in is switched off, sending fails and the program shows an error such as
            `Relay access denied`.

            ## SMTP ports

            - **465** with SSL/TLS encryption – recommended,
            - **587** with STARTTLS encryption – a good second choice,
            - **26** without encryption – only as a last resort, not recommended,
            - **25** – often blocked by home internet providers.

            ## Example settings

            | Setting | Value |
            |---|---|
            | Outgoing mail server | streznik.avant.si |
            | Port | 465 |
            | Encryption | SSL/TLS |
            | Username | info@vasadomena.si |
            | Authentication | on, same password as for receiving |
            """),
        "related": ["relay-denied", "povezava-na-vrata-25", "tabela-vrat"],
    },
    {
        "slug": "pop3-ali-imap",
        "category": "osnove",
        "order": 5,
        "title_sl": "POP3 ali IMAP: kaj izbrati?",
        "title_en": "POP3 or IMAP: which should I choose?",
        "summary_sl": (
            "IMAP izberite, če pošto berete na več napravah ali si predal deli več ljudi; POP3, "
            "če uporabljate eno napravo ali se pošta posreduje drugam."
        ),
        "summary_en": (
            "Choose IMAP if you read mail on several devices or share a mailbox; choose POP3 "
            "if you use one device or the mail is forwarded elsewhere."
        ),
        "body_sl": dedent("""\
            ## Kratek odgovor

            - **IMAP**, če pošto berete na več napravah ali si predal deli več ljudi.
            - **POP3**, če pošto berete samo na eni napravi ali se pošta s tega naslova
              posreduje na druge naslove.

            ## Primerjava

            | | POP3 | IMAP |
            |---|---|---|
            | Kje je pošta | v vaši napravi | na strežniku |
            | Več naprav | le s kopijo na strežniku, brez usklajevanja | da, vse je usklajeno |
            | Poslana pošta na drugih napravah | ne | da |
            | Prostor na paketu gostovanja | se sprošča | se porablja |
            | Če naprava odpove | pošta je lahko izgubljena | pošta ostane na strežniku |

            ## Trije primeri

            1. **Računovodkinja** vso pošto ureja na enem računalniku in prejema veliko
               priponk. Izbere **POP3**: prostor na paketu ostaja prost, pošta pa je pri njej.
            2. **Majhna trgovina** ima naslov info@vasadomena.si, na katerega odgovarjata dva
               sodelavca z računalnikov in telefona. Izbere **IMAP**, da vsi vidijo, kdo je na
               kaj že odgovoril.
            3. **Naslov za račune** vso pošto posreduje na drug naslov. Izbere **POP3**, da se
               predal ne polni.

            ## Ali lahko izbiro pozneje spremenim?

            Lahko, vendar račun v programu dodate na novo. Pri prehodu s POP3 na IMAP imejte v
            mislih, da sporočila, ki jih je POP3 že prenesel in izbrisal s strežnika, ostanejo
            le v stari napravi. Na druge naprave jih IMAP ne more prinesti.

            ## Naj izbere čarovnik

            [Čarovnik za nastavitev](/carovnik/) vas vpraša, koliko naprav uporabljate in ali si
            predal deli več ljudi. Nato vam priporoči POP3 ali IMAP, pove, zakaj, in pripravi
            nastavitve za vaš program.
            """),
        "body_en": dedent("""\
            ## The short answer

            - **IMAP** if you read mail on several devices or several people share the mailbox.
            - **POP3** if you read mail on one device only, or if the mail for this address is
              forwarded to other addresses.

            ## Side by side

            | | POP3 | IMAP |
            |---|---|---|
            | Where your mail is | on your device | on the server |
            | Several devices | only with a copy on the server, not in sync | yes, all in sync |
            | Sent mail on other devices | no | yes |
            | Space on the hosting package | is freed up | is used up |
            | If the device fails | mail may be lost | mail stays on the server |

            ## Three examples

            1. **An accountant** handles all her mail on one computer and receives lots of
               attachments. She chooses **POP3**: space on the package stays free and the mail
               is with her.
            2. **A small shop** has the address info@vasadomena.si, answered by two colleagues
               from their computers and a phone. It chooses **IMAP**, so everyone can see what
               has already been answered.
            3. **An invoices address** forwards all its mail to another address. It uses
               **POP3**, so the mailbox doesn't fill up.

            ## Can I change my mind later?

            Yes, but you need to add the account to your program again. When switching from
            POP3 to IMAP, keep in mind that messages POP3 has already downloaded and deleted
            from the server stay on the old device only. IMAP cannot bring them to your other
            devices.

            ## Let the wizard decide

            The [setup wizard](/en/wizard/) asks how many devices you use and whether other
            people share the mailbox. It then recommends POP3 or IMAP, tells you why, and
            prepares the settings for your program.
            """),
        "related": ["kaj-je-pop3", "kaj-je-imap", "kaj-je-postni-odjemalec"],
    },
    {
        "slug": "kaj-je-ssl",
        "category": "osnove",
        "order": 6,
        "title_sl": "Kaj je SSL/TLS in ali ga uporabiti?",
        "title_en": "What is SSL/TLS, and should I use it?",
        "summary_sl": (
            "SSL/TLS šifrira povezavo med vašim programom in strežnikom, da gesla in sporočil "
            "ne more prebrati nihče vmes; uporabo močno priporočamo."
        ),
        "summary_en": (
            "SSL/TLS encrypts the connection between your email program and the server so "
            "nobody in between can read your password or messages; we strongly recommend it."
        ),
        "body_sl": dedent("""\
            ## Šifrirana povezava

            Ko se poštni program poveže s strežnikom, mu pošlje vaše geslo in sporočila. Brez
            šifriranja ti podatki potujejo kot berljivo besedilo. Prebral bi jih lahko vsak, ki
            ima dostop do poti med vami in strežnikom – na primer v javnem brezžičnem omrežju v
            kavarni ali hotelu.

            SSL/TLS povezavo šifrira, zato drugi vidijo le nerazumljiv niz znakov. Ime SSL je
            starejše; danes se uporablja TLS, programi pa možnost še vedno imenujejo »SSL«,
            »SSL/TLS« ali »TLS«.

            ## Ali naj ga uporabim?

            Da. Šifrirano povezavo priporočamo za prejemanje in za pošiljanje. Povezavo brez
            šifriranja navajamo le kot zasilno možnost, kadar nič drugega ne deluje, in jo
            označujemo z »ni priporočljivo«. Zaščita na strežniku namreč ne varuje poti med
            vašo napravo in strežnikom.

            ## SSL/TLS in STARTTLS

            Programi ponujajo dva načina šifriranja:

            - **SSL/TLS** – povezava je šifrirana od prvega trenutka. Vrata 995 (POP3), 993
              (IMAP) in 465 (SMTP).
            - **STARTTLS** – povezava se začne nešifrirano, nato pa se še pred pošiljanjem gesla
              preklopi na šifrirano. Pri nas se uporablja za SMTP na vratih 587.

            Oba načina sta varna, vendar se morata ujemati z vrati: SSL/TLS na vratih 587 ne
            deluje, prav tako ne STARTTLS na vratih 465.

            ## Potrdilo in ime strežnika

            Šifrirana povezava s seboj prinese potrdilo (certifikat), ki dokazuje, da se res
            povezujete z našim strežnikom. Potrdilo je izdano na ime strežnika, na primer
            streznik.avant.si. Zato pri SSL/TLS vpišite to ime in ne mail.vasadomena.si, sicer
            vas program opozori, da potrdilo ne ustreza.

            Takega opozorila ne rešujte z izjemo za potrdilo ali z izklopom šifriranja, temveč
            popravite ime strežnika.
            """),
        "body_en": dedent("""\
            ## An encrypted connection

            When your email program connects to the server, it sends your password and your
            messages. Without encryption, this data travels as readable text. Anyone with
            access to the route between you and the server could read it – for example on
            public Wi-Fi in a café or hotel.

            SSL/TLS encrypts the connection, so others only see scrambled characters. SSL is the
            older name; today the technology is TLS, but programs still call the option "SSL",
            "SSL/TLS" or "TLS".

            ## Should I use it?

            Yes. We recommend an encrypted connection for both receiving and sending. We list
            an unencrypted connection only as a fallback for when nothing else works, and we
            label it "not recommended". Protection on the server does not protect the route
            between your device and the server.

            ## SSL/TLS and STARTTLS

            Programs offer two kinds of encryption:

            - **SSL/TLS** – the connection is encrypted from the very first moment. Ports 995
              (POP3), 993 (IMAP) and 465 (SMTP).
            - **STARTTLS** – the connection starts unencrypted and switches to encryption before
              your password is sent. We use it for SMTP on port 587.

            Both are secure, but each must match its port: SSL/TLS on port 587 does not work,
            and neither does STARTTLS on port 465.

            ## The certificate and the server name

            An encrypted connection comes with a certificate that proves you really are talking
            to our server. The certificate is issued to the server's name, for example
            streznik.avant.si. So with SSL/TLS, enter that name rather than mail.vasadomena.si,
            otherwise your program will warn you that the certificate doesn't match.

            Don't solve such a warning by adding a certificate exception or turning encryption
            off. Correct the server name instead.
            """),
        "related": ["ime-streznika", "tabela-vrat", "certifikat-ne-ustreza"],
    },
    # ----------------------------------------------------------------------------------------
    # Nastavitve / Settings
    # ----------------------------------------------------------------------------------------
    {
        "slug": "ime-streznika",
        "category": "nastavitve",
        "order": 1,
        "title_sl": "Katero ime strežnika vpisati in zakaj",
        "title_en": "Which server name to enter, and why",
        "summary_sl": (
            "S šifriranjem SSL/TLS vpišite ime strežnika, na katerem gostuje vaš paket (npr. "
            "streznik.avant.si), brez šifriranja pa mail.vasadomena.si."
        ),
        "summary_en": (
            "With SSL/TLS encryption, enter the name of the server that hosts your package "
            "(e.g. streznik.avant.si); without encryption, mail.vasadomena.si."
        ),
        "body_sl": dedent("""\
            ## Dve imeni za isti strežnik

            Do vaše pošte vodita dve imeni:

            - **mail.vasadomena.si** – ime, sestavljeno iz »mail.« in vaše domene,
            - **streznik.avant.si** – lastno ime strežnika, na katerem gostuje vaš paket.

            Obe imeni kažeta na isti strežnik. Katero vpišete, je odvisno od tega, ali
            uporabljate šifrirano povezavo.

            | Povezava | Ime strežnika | Primer |
            |---|---|---|
            | SSL/TLS (priporočamo) | ime strežnika vašega paketa | streznik.avant.si |
            | brez šifriranja (ni priporočljivo) | mail. in vaša domena | mail.vasadomena.si |

            Isto ime vpišete za dohodno (POP3 ali IMAP) in za odhodno pošto (SMTP).

            ## Zakaj s SSL/TLS ne gre z mail.vasadomena.si

            Pri šifrirani povezavi strežnik programu pokaže potrdilo (certifikat). Program
            preveri, ali je ime na potrdilu enako imenu, ki ste ga vpisali. Potrdilo je
            izdano na ime strežnika, na primer streznik.avant.si, in ne na mail.vasadomena.si.

            Če vpišete mail.vasadomena.si, imeni nista enaki. Nekateri programi vas opozorijo,
            mnogi pa povezavo kar zavrnejo. Z imenom strežnika se imeni ujemata in vse deluje
            brez opozoril.

            ## Kje najdete ime svojega strežnika

            Ime strežnika je zapisano v opisu vašega paketa gostovanja v naročniškem centru
            Moj NEOSERV in v nadzorni plošči cPanel. Navodila po korakih so v članku
            [Kje najdem ime strežnika](/clanek/kje-najdem-ime-streznika/).

            ## Pozor pri selitvi

            Ime strežnika je vezano na strežnik, ne na vašo domeno. Če se vaš paket kdaj preseli
            na drug strežnik, se spremeni tudi to ime in ga morate popraviti v programih.
            Čarovnik za nastavitev vedno pokaže trenutno veljavno ime.
            """),
        "body_en": dedent("""\
            ## Two names for the same server

            Two names lead to your mail:

            - **mail.vasadomena.si** – "mail." followed by your domain,
            - **streznik.avant.si** – the server's own name, the server that hosts your package.

            Both names point to the same server. Which one you enter depends on whether you use
            an encrypted connection.

            | Connection | Server name | Example |
            |---|---|---|
            | SSL/TLS (recommended) | your package's server name | streznik.avant.si |
            | unencrypted (not recommended) | mail. plus your domain | mail.vasadomena.si |

            Enter the same name for incoming mail (POP3 or IMAP) and outgoing mail (SMTP).

            ## Why mail.vasadomena.si doesn't work with SSL/TLS

            On an encrypted connection, the server shows your program a certificate. The
            program checks that the name on the certificate is the name you entered. The
            certificate is issued to the server's name, for example streznik.avant.si, not to
            mail.vasadomena.si.

            If you enter mail.vasadomena.si, the names don't match. Some programs warn you, and
            many simply refuse to connect. With the server's name, the names match and
            everything works without warnings.

            ## Where to find your server's name

            The server name is written in your hosting package's description in the Moj
            NEOSERV customer centre and in the cPanel control panel. Step-by-step instructions
            are in [Where do I find my server name](/en/article/kje-najdem-ime-streznika/).

            ## Watch out after a move

            The server name belongs to the server, not to your domain. If your package is ever
            moved to another server, this name changes too, and you need to update it in your
            programs. The setup wizard always shows the current name.
            """),
        "related": ["kje-najdem-ime-streznika", "certifikat-ne-ustreza", "kaj-je-ssl"],
    },
    {
        "slug": "tabela-vrat",
        "category": "nastavitve",
        "order": 2,
        "title_sl": "Tabela vrat (portov) za POP3, IMAP in SMTP",
        "title_en": "Ports table for POP3, IMAP and SMTP",
        "summary_sl": (
            "Katera vrata (porte) vpisati za POP3, IMAP in SMTP, z in brez šifriranja, ter "
            "razlika med SSL/TLS in STARTTLS."
        ),
        "summary_en": (
            "Which ports to enter for POP3, IMAP and SMTP, with and without encryption, and "
            "the difference between SSL/TLS and STARTTLS."
        ),
        "body_sl": dedent("""\
            ## Kaj so vrata

            Vrata (angleško port) so številka, ki pove, katera storitev na strežniku naj sprejme
            povezavo. Strežnik je kot stavba z več vhodi: prejemanje po POP3, prejemanje po
            IMAP in pošiljanje po SMTP imajo vsak svoj vhod, šifrirana povezava pa spet
            drugega. V programu morata zato vrata in način šifriranja spadati skupaj.

            ## Naša vrata

            [[ports-table]]

            ## Kaj pomeni posamezna številka

            - **995** – POP3 s šifriranjem SSL/TLS. **110** – POP3 brez šifriranja.
            - **993** – IMAP s šifriranjem SSL/TLS. **143** – IMAP brez šifriranja.
            - **465** – SMTP s šifriranjem SSL/TLS. Za pošiljanje ga priporočamo.
            - **587** – SMTP s šifriranjem STARTTLS. Dobra izbira, če 465 ne deluje.
            - **26** – SMTP brez šifriranja. Le v sili, ni priporočljivo.
            - **25** – SMTP brez šifriranja. Domači ponudniki interneta ga pogosto blokirajo.

            ## SSL/TLS ali STARTTLS

            Pri **SSL/TLS** je povezava šifrirana od prvega trenutka. Pri **STARTTLS** se
            povezava začne nešifrirano in se še pred prijavo preklopi na šifrirano. Oba načina
            sta varna, vendar vsak deluje le na svojih vratih:

            - 465 → v programu izberite **SSL/TLS** (ponekod samo »SSL«),
            - 587 → v programu izberite **STARTTLS** (ponekod »TLS«).

            ## Najpogostejše napake

            1. Vrata 587 z izbiro SSL/TLS ali vrata 465 z izbiro STARTTLS. Program se ne more
               povezati ali čaka, dokler ne poteče čas.
            2. Šifrirana vrata z imenom mail.vasadomena.si. Program javi, da potrdilo ne
               ustreza; vpišite ime strežnika, na primer streznik.avant.si.
            3. Pošiljanje prek vrat 25 iz domačega omrežja. Uporabite 465 ali 587.

            Če niste prepričani, katero kombinacijo izbrati, jo za vaš program pripravi
            [čarovnik za nastavitev](/carovnik/).
            """),
        "body_en": dedent("""\
            ## What ports are

            A port is a number that tells the server which service should take the connection.
            Think of the server as a building with several entrances: receiving with POP3,
            receiving with IMAP and sending with SMTP each have their own door, and an
            encrypted connection uses yet another one. So in your program, the port and the
            encryption method have to belong together.

            ## Our ports

            [[ports-table]]

            ## What each number means

            - **995** – POP3 with SSL/TLS encryption. **110** – POP3 without encryption.
            - **993** – IMAP with SSL/TLS encryption. **143** – IMAP without encryption.
            - **465** – SMTP with SSL/TLS encryption. Our recommendation for sending.
            - **587** – SMTP with STARTTLS encryption. A good choice if 465 doesn't work.
            - **26** – SMTP without encryption. Only as a last resort, not recommended.
            - **25** – SMTP without encryption. Often blocked by home internet providers.

            ## SSL/TLS or STARTTLS

            With **SSL/TLS**, the connection is encrypted from the very first moment. With
            **STARTTLS**, the connection starts unencrypted and switches to encryption before
            you sign in. Both are secure, but each only works on its own port:

            - 465 → choose **SSL/TLS** in your program (sometimes just "SSL"),
            - 587 → choose **STARTTLS** in your program (sometimes "TLS").

            ## The most common mistakes

            1. Port 587 with SSL/TLS, or port 465 with STARTTLS. The program cannot connect or
               waits until it times out.
            2. Encrypted ports with the name mail.vasadomena.si. The program says the
               certificate doesn't match; enter the server name, e.g. streznik.avant.si.
            3. Sending through port 25 from a home network. Use 465 or 587 instead.

            If you're unsure which combination to choose, the [setup wizard](/en/wizard/)
            prepares it for your program.
            """),
        "related": ["kaj-je-ssl", "ime-streznika", "povezava-na-vrata-25"],
    },
    {
        "slug": "kje-najdem-ime-streznika",
        "category": "nastavitve",
        "order": 3,
        "title_sl": "Kje najdem ime strežnika?",
        "title_en": "Where do I find my server name?",
        "summary_sl": (
            "Ime strežnika, na katerem gostuje vaš paket, najdete v opisu paketa v naročniškem "
            "centru Moj NEOSERV in v nadzorni plošči cPanel."
        ),
        "summary_en": (
            "You'll find the name of the server that hosts your package in the package "
            "description in the Moj NEOSERV customer centre and in cPanel."
        ),
        "body_sl": dedent("""\
            ## Najhitreje: čarovnik

            Ko v [čarovnik za nastavitev](/carovnik/) vpišete svoj e-poštni naslov, za domene,
            ki gostujejo pri nas, sam poišče pravi strežnik in ga vpiše v nastavitve. Če ga
            želite poiskati sami, imate dve možnosti.

            ## V naročniškem centru Moj NEOSERV

            1. Prijavite se v naročniški center Moj NEOSERV.
            2. Med storitvami odprite paket gostovanja, na katerem je vaša domena (na primer
               vasadomena.si).
            3. V opisu paketa poiščite ime strežnika. Zapisano je v obliki
               **streznik.avant.si**.

            ## V nadzorni plošči cPanel

            1. Prijavite se v cPanel svojega paketa.
            2. Odprite **Email Accounts** (E-poštni računi).
            3. Ob naslovu, ki ga nastavljate, kliknite **Connect Devices** (Poveži naprave).
            4. V razdelku **Secure SSL/TLS Settings (Recommended)** sta pri **Incoming Server**
               in **Outgoing Server** zapisana ime strežnika in vrata.

            Pod njim je razdelek **Non-SSL Settings (NOT Recommended)** z imenom
            mail.vasadomena.si. Te nastavitve uporabite le, če šifrirana povezava res ne
            deluje.

            ## Naši strežniki

            Spodaj so naši aktivni strežniki. Ime v opisu vašega paketa je eno izmed njih.

            [[servers]]

            Ne izberite strežnika na slepo: pravi je samo tisti, na katerem gostuje vaš paket.
            Z drugim imenom se prijava ne bo posrečila.
            """),
        "body_en": dedent("""\
            ## Quickest: the wizard

            When you enter your email address in the [setup wizard](/en/wizard/), it finds the
            right server by itself for domains hosted with us and puts it in your settings. If
            you'd rather look it up yourself, there are two ways.

            ## In the Moj NEOSERV customer centre

            1. Sign in to the Moj NEOSERV customer centre.
            2. Among your services, open the hosting package your domain is on (for example
               vasadomena.si).
            3. Look for the server name in the package description. It looks like
               **streznik.avant.si**.

            ## In the cPanel control panel

            1. Sign in to your package's cPanel.
            2. Open **Email Accounts**.
            3. Next to the address you're setting up, click **Connect Devices**.
            4. Under **Secure SSL/TLS Settings (Recommended)**, the **Incoming Server** and
               **Outgoing Server** lines show the server name and the ports.

            Below it is a **Non-SSL Settings (NOT Recommended)** section with the name
            mail.vasadomena.si. Only use those settings if an encrypted connection really
            doesn't work.

            ## Our servers

            These are our active servers. The name in your package description is one of them.

            [[servers]]

            Don't pick a server at random: only the server that hosts your package is the right
            one. With any other name, signing in will fail.
            """),
        "related": ["ime-streznika", "certifikat-ne-ustreza", "uporabnisko-ime-in-geslo"],
    },
    {
        "slug": "uporabnisko-ime-in-geslo",
        "category": "nastavitve",
        "order": 4,
        "title_sl": "Uporabniško ime in geslo poštnega predala",
        "title_en": "Your mailbox username and password",
        "summary_sl": (
            "Uporabniško ime je vedno cel e-poštni naslov, geslo pa je geslo poštnega predala, "
            "ki ga nastavite ali ponastavite v nadzorni plošči cPanel."
        ),
        "summary_en": (
            "Your username is always your full email address, and your password is the mailbox "
            "password, which you set or reset in the cPanel control panel."
        ),
        "body_sl": dedent("""\
            ## Uporabniško ime: cel e-poštni naslov

            Kot uporabniško ime vedno vpišite **cel e-poštni naslov**, na primer
            info@vasadomena.si – ne samo »info« in ne imena domene. Isto uporabniško ime
            vpišete za dohodno in za odhodno pošto.

            ## Geslo: geslo poštnega predala

            Geslo je tisto, ki je bilo nastavljeno ob ustvarjanju poštnega predala v nadzorni
            plošči cPanel. To **ni** geslo za naročniški center Moj NEOSERV ali za cPanel.

            Geslo vpišete samo v svoj poštni program. Na tej strani vas za geslo nikoli ne
            vprašamo, tudi čarovnik za nastavitev ne.

            ## Pozabljeno geslo: nastavite novo v cPanelu

            1. Prijavite se v cPanel svojega paketa.
            2. Odprite **Email Accounts** (E-poštni računi).
            3. Ob naslovu kliknite **Manage** (Upravljaj).
            4. V razdelku **Security** vpišite novo geslo v polje **New Password** ali kliknite
               **Generate**, da cPanel predlaga močno geslo.
            5. Spodaj kliknite **Update Email Settings**.

            ## Po spremembi gesla

            Novo geslo vpišite v vse programe in naprave, kjer imate ta naslov: v računalnik,
            telefon, tablico. Naprava s starim geslom se bo še naprej neuspešno prijavljala in
            javljala napako.

            Nekaj nasvetov za dobro geslo:

            - vsaj 12 znakov, mešanica črk, številk in znakov,
            - za vsak predal drugačno geslo,
            - hranite ga v upravitelju gesel, ne na listku ob zaslonu.
            """),
        "body_en": dedent("""\
            ## Username: your full email address

            For the username, always enter your **full email address**, for example
            info@vasadomena.si – not just "info" and not your domain name. Use the same username
            for incoming and outgoing mail.

            ## Password: your mailbox password

            The password is the one set when the mailbox was created in the cPanel control
            panel. It is **not** your password for the Moj NEOSERV customer centre or for
            cPanel.

            You only ever type the password into your own email program. We never ask for your
            password on this site, and neither does the setup wizard.

            ## Forgotten password: set a new one in cPanel

            1. Sign in to your package's cPanel.
            2. Open **Email Accounts**.
            3. Next to the address, click **Manage**.
            4. Under **Security**, type a new password in **New Password**, or click
               **Generate** to let cPanel suggest a strong one.
            5. Click **Update Email Settings** at the bottom.

            ## After changing the password

            Enter the new password in every program and device where you use this address:
            computer, phone, tablet. A device with the old password will keep failing to sign
            in and keep showing errors.

            A few tips for a good password:

            - at least 12 characters, a mix of letters, numbers and symbols,
            - a different password for each mailbox,
            - keep it in a password manager, not on a note stuck to your screen.
            """),
        "related": ["prijava-ni-uspela", "relay-denied", "kje-najdem-ime-streznika"],
    },
    # ----------------------------------------------------------------------------------------
    # Težave / Troubleshooting
    # ----------------------------------------------------------------------------------------
    {
        "slug": "certifikat-ne-ustreza",
        "category": "tezave",
        "order": 1,
        "title_sl": "Potrdilo (certifikat) ne ustreza imenu strežnika",
        "title_en": "The certificate does not match the server name",
        "summary_sl": (
            "Program opozarja, da potrdilo ni veljavno ali identitete strežnika ni mogoče "
            "preveriti? Namesto mail.vasadomena.si vpišite ime strežnika, npr. streznik.avant.si."
        ),
        "summary_en": (
            "Does your program say the certificate is invalid or the server identity cannot be "
            "verified? Enter the server's name, e.g. streznik.avant.si, not mail.vasadomena.si."
        ),
        "body_sl": dedent("""\
            ## Kako se napaka pokaže

            Program ob dodajanju računa ali ob preverjanju pošte pokaže eno od teh sporočil:

            - **Thunderbird:** `The certificate for mail.vasadomena.si is not valid for that
              server. Someone could be trying to impersonate the server and you should not
              continue.`
            - **Outlook:** `The name on the security certificate is invalid or does not match
              the name of the site`
            - **iPhone in iPad:** `Cannot Verify Server Identity` (v slovenščini
              `Identitete strežnika ni mogoče preveriti`)
            - **Mac (Mail):** `The identity of "mail.vasadomena.si" cannot be verified`

            V slovenskih različicah programov je besedilo prevedeno, pomen pa je enak.

            ## Zakaj se to zgodi

            Pri šifrirani povezavi (SSL/TLS) strežnik pokaže potrdilo, izdano na svoje ime,
            na primer streznik.avant.si. Če ste v program vpisali mail.vasadomena.si, imeni
            nista enaki, zato program ne more preveriti, ali se res povezuje s pravim
            strežnikom. Vaš predal ni v nevarnosti; nastavitev le ni pravilna.

            ## Rešitev

            1. Poiščite ime strežnika, na katerem gostuje vaš paket. Najdete ga v opisu paketa
               v naročniškem centru Moj NEOSERV ali v cPanelu pod **Email Accounts** ›
               **Connect Devices** (glejte [Kje najdem ime strežnika](/clanek/kje-najdem-ime-streznika/)).
            2. V nastavitvah računa zamenjajte mail.vasadomena.si z imenom strežnika, na primer
               **streznik.avant.si**.
            3. Popravite ga na obeh mestih: pri strežniku za **dohodno** in za **odhodno**
               pošto.
            4. Šifriranje SSL/TLS in vrata (993, 995 ali 465) pustite, kot so.
            5. Shranite in znova preverite pošto.

            Ime strežnika za svoj naslov in vse druge nastavitve vam pokaže
            [čarovnik za nastavitev](/carovnik/): vpišete e-poštni naslov in izberete program.

            ## Česa ne storite

            - Ne potrjujte izjeme za potrdilo in ne izberite »sprejmi vsa potrdila«. Opozorilo
              bi izginilo, povezava pa ne bi bila več zanesljivo preverjena.
            - Ne izklopite šifriranja le zato, da bi se opozorilo umaknilo.
            """),
        "body_en": dedent("""\
            ## What the error looks like

            When adding the account or checking mail, your program shows one of these messages:

            - **Thunderbird:** `The certificate for mail.vasadomena.si is not valid for that
              server. Someone could be trying to impersonate the server and you should not
              continue.`
            - **Outlook:** `The name on the security certificate is invalid or does not match
              the name of the site`
            - **iPhone and iPad:** `Cannot Verify Server Identity` (in Slovenian:
              `Identitete strežnika ni mogoče preveriti`)
            - **Mac (Mail):** `The identity of "mail.vasadomena.si" cannot be verified`

            In other languages the wording is translated, but the meaning is the same.

            ## Why it happens

            On an encrypted (SSL/TLS) connection, the server presents a certificate issued to
            its own name, for example streznik.avant.si. If you entered mail.vasadomena.si in
            your program, the names don't match, so the program cannot confirm it is talking to
            the right server. Your mailbox is not in danger; the setting is simply wrong.

            ## How to fix it

            1. Find the name of the server that hosts your package. It's in the package
               description in the Moj NEOSERV customer centre, or in cPanel under **Email
               Accounts** › **Connect Devices** (see [Where do I find my server
               name](/en/article/kje-najdem-ime-streznika/)).
            2. In your account settings, replace mail.vasadomena.si with the server name, for
               example **streznik.avant.si**.
            3. Change it in both places: the **incoming** and the **outgoing** mail server.
            4. Leave SSL/TLS encryption and the ports (993, 995 or 465) as they are.
            5. Save and check your mail again.

            The [setup wizard](/en/wizard/) shows the server name for your address and every
            other setting: enter your email address and choose your program.

            ## What not to do

            - Don't confirm a certificate exception or choose "accept all certificates". The
              warning would go away, but the connection would no longer be reliably checked.
            - Don't switch off encryption just to make the warning disappear.
            """),
        "related": ["ime-streznika", "kje-najdem-ime-streznika", "kaj-je-ssl"],
    },
    {
        "slug": "prijava-ni-uspela",
        "category": "tezave",
        "order": 2,
        "title_sl": "Prijava ni uspela ali geslo ni pravilno",
        "title_en": "Authentication failed or wrong password",
        "summary_sl": (
            "Program javi, da prijava ni uspela ali da geslo ni pravilno? Preverite, da je "
            "uporabniško ime cel naslov, in po potrebi ponastavite geslo v cPanelu."
        ),
        "summary_en": (
            "Does your program say authentication failed or the password is wrong? Check that "
            "the username is your full address, and reset the password in cPanel if needed."
        ),
        "body_sl": dedent("""\
            ## Kako se napaka pokaže

            Program vas vedno znova sprašuje za geslo ali pokaže eno od teh sporočil:

            - `Authentication failed` ali `[AUTHENTICATIONFAILED] Authentication failed.`
            - `535 Incorrect authentication data` (pri pošiljanju)
            - **Thunderbird:** `Login to server streznik.avant.si with username
              info@vasadomena.si failed.` ali `Unable to log in at server. Probably wrong
              configuration, username or password.`
            - **Mac (Mail):** `Unable to verify account name or password.`
            - **iPhone in iPad:** `The user name or password for "streznik.avant.si" is
              incorrect.`
            - **Outlook:** okno za vnos gesla se odpira znova in znova.

            ## Rešitev po korakih

            1. **Uporabniško ime mora biti cel e-poštni naslov**, na primer
               info@vasadomena.si, ne samo »info«. Preverite ga pri dohodni in pri odhodni
               pošti.
            2. **Geslo je geslo poštnega predala**, ne geslo za Moj NEOSERV ali cPanel. Pazite
               na velike in male črke ter na presledke, če ga prilepite.
            3. **Ponastavite geslo**, če ga ne veste zagotovo: v cPanelu odprite **Email
               Accounts**, ob naslovu kliknite **Manage**, pod **Security** vpišite novo geslo
               in kliknite **Update Email Settings**.
            4. **Vklopite prijavo za odhodno pošto (SMTP).** Če prejemanje deluje, pošiljanje
               pa ne, je v programu verjetno izklopljena možnost, da strežnik za odhodno pošto
               zahteva preverjanje pristnosti.
            5. **Popravite geslo v vseh napravah.** Telefon ali star računalnik s starim geslom
               se sicer še naprej neuspešno prijavlja.

            ## Še vedno ne gre?

            Preverite še ime strežnika: pri šifrirani povezavi mora biti ime strežnika vašega
            paketa, na primer streznik.avant.si. Vse nastavitve za svoj naslov preverite v
            [čarovniku za nastavitev](/carovnik/). Če ste vse preverili, nas pokličite ali nam
            pišite. Gesla nam ne pošiljajte – nikoli ga ne potrebujemo.
            """),
        "body_en": dedent("""\
            ## What the error looks like

            Your program keeps asking for the password, or shows one of these messages:

            - `Authentication failed` or `[AUTHENTICATIONFAILED] Authentication failed.`
            - `535 Incorrect authentication data` (when sending)
            - **Thunderbird:** `Login to server streznik.avant.si with username
              info@vasadomena.si failed.` or `Unable to log in at server. Probably wrong
              configuration, username or password.`
            - **Mac (Mail):** `Unable to verify account name or password.`
            - **iPhone and iPad:** `The user name or password for "streznik.avant.si" is
              incorrect.`
            - **Outlook:** the password window pops up again and again.

            ## Step-by-step fix

            1. **The username must be your full email address**, for example
               info@vasadomena.si, not just "info". Check it for both incoming and outgoing
               mail.
            2. **The password is your mailbox password**, not your Moj NEOSERV or cPanel
               password. Mind upper and lower case, and stray spaces if you paste it.
            3. **Reset the password** if you aren't sure of it: in cPanel, open **Email
               Accounts**, click **Manage** next to the address, type a new password under
               **Security** and click **Update Email Settings**.
            4. **Turn on authentication for outgoing mail (SMTP).** If receiving works but
               sending doesn't, the option saying that your outgoing server requires
               authentication is probably switched off.
            5. **Update the password on every device.** Otherwise a phone or an old computer
               with the old password keeps failing to sign in.

            ## Still not working?

            Check the server name too: with an encrypted connection it must be your package's
            server name, for example streznik.avant.si. Compare all your settings with the
            [setup wizard](/en/wizard/). If you've checked everything, call or write to us.
            Don't send us your password – we never need it.
            """),
        "related": ["uporabnisko-ime-in-geslo", "relay-denied", "certifikat-ne-ustreza"],
    },
    {
        "slug": "relay-denied",
        "category": "tezave",
        "order": 3,
        "title_sl": "Napaka »Relay access denied« ali »550 relay not permitted«",
        "title_en": 'Error "Relay access denied" or "550 relay not permitted"',
        "summary_sl": (
            "Pošiljanje zavrne napaka relay denied? V programu vklopite možnost, da strežnik za "
            "odhodno pošto (SMTP) zahteva preverjanje pristnosti."
        ),
        "summary_en": (
            "Is sending rejected with a relay denied error? Turn on the option saying that "
            "your outgoing (SMTP) server requires authentication."
        ),
        "body_sl": dedent("""\
            ## Kako se napaka pokaže

            Prejemanje deluje, pošiljanje pa ne. Program ali vrnjeno sporočilo javi na primer:

            - `550 relay not permitted`
            - `Relay access denied` ali `554 5.7.1 Relay access denied`
            - `550-Please turn on SMTP Authentication in your mail client, or login to the
              IMAP/POP3 server before sending your message.`
            - `Unable to relay`

            ## Zakaj se to zgodi

            Naš strežnik pošto drugim naslovnikom posreduje samo za uporabnike, ki se prijavijo.
            Tako preprečuje, da bi ga kdo zlorabil za pošiljanje neželene pošte. Vaš program se
            pri pošiljanju ne prijavi, zato strežnik sporočilo zavrne.

            ## Rešitev: vklopite prijavo za odhodno pošto

            - **Outlook:** v nastavitvah računa označite **Moj strežnik za odhodno pošto (SMTP)
              zahteva preverjanje pristnosti** in **Uporabi iste nastavitve kot strežnik za
              dohodno pošto**.
            - **Thunderbird:** v **Nastavitvah računa** odprite **Strežnik za odhodno pošto
              (SMTP)**, izberite strežnik in kliknite **Uredi**. Za način overitve izberite
              **Običajno geslo**, za uporabniško ime pa cel e-poštni naslov.
            - **Mac (Mail):** v **Mail › Nastavitve › Računi › Nastavitve strežnika** naj bo
              pri odhodni pošti za overitev izbrano **Geslo**.
            - **iPhone in iPad:** v nastavitvah računa odprite **SMTP**, izberite strežnik in za
              **Overitev** izberite **Geslo**.
            - **Gmail v Androidu:** pri strežniku za odhodno pošto vklopite **Zahtevaj prijavo**.

            ## Preverite še

            1. Uporabniško ime za odhodno pošto je cel naslov, na primer info@vasadomena.si.
            2. Geslo je enako kot za prejemanje.
            3. Vrata so 465 (SSL/TLS) ali 587 (STARTTLS).
            4. Strežnik za odhodno pošto je naš, na primer streznik.avant.si, in ne strežnik
               vašega ponudnika interneta.

            Več o odhodni pošti preberite v članku [Kaj je SMTP](/clanek/kaj-je-smtp/), točne
            nastavitve za svoj program pa vam pokaže [čarovnik za nastavitev](/carovnik/).
            """),
        "body_en": dedent("""\
            ## What the error looks like

            Receiving works but sending doesn't. Your program, or a returned message, says for
            example:

            - `550 relay not permitted`
            - `Relay access denied` or `554 5.7.1 Relay access denied`
            - `550-Please turn on SMTP Authentication in your mail client, or login to the
              IMAP/POP3 server before sending your message.`
            - `Unable to relay`

            ## Why it happens

            Our server only passes mail on to other recipients for users who sign in. That
            stops anyone from misusing it to send spam. Your program doesn't sign in when
            sending, so the server rejects the message.

            ## The fix: turn on authentication for outgoing mail

            - **Outlook:** in the account settings, tick **My outgoing server (SMTP) requires
              authentication** and **Use same settings as my incoming mail server**.
            - **Thunderbird:** in **Account Settings**, open **Outgoing Server (SMTP)**, select
              the server and click **Edit**. Set the authentication method to **Normal
              password** and the username to your full email address.
            - **Mac (Mail):** in **Mail › Settings › Accounts › Server Settings**, set
              authentication for outgoing mail to **Password**.
            - **iPhone and iPad:** in the account settings, open **SMTP**, tap the server and
              set **Authentication** to **Password**.
            - **Gmail on Android:** in the outgoing server settings, turn on **Require
              sign-in**.

            ## Also check

            1. The outgoing username is your full address, for example info@vasadomena.si.
            2. The password is the same as for receiving.
            3. The port is 465 (SSL/TLS) or 587 (STARTTLS).
            4. The outgoing server is ours, for example streznik.avant.si, not your internet
               provider's server.

            Read more about outgoing mail in [What is SMTP](/en/article/kaj-je-smtp/); the
            [setup wizard](/en/wizard/) shows the exact settings for your program.
            """),
        "related": ["kaj-je-smtp", "prijava-ni-uspela", "povezava-na-vrata-25"],
    },
    {
        "slug": "povezava-na-vrata-25",
        "category": "tezave",
        "order": 4,
        "title_sl": "Pošiljanje ne uspe: povezava na vrata 25 je potekla",
        "title_en": "Sending fails: the connection on port 25 timed out",
        "summary_sl": (
            "Pošiljanje se ustavi z napako o poteku časa? Domači ponudniki interneta pogosto "
            "blokirajo vrata 25; uporabite 465 (SSL/TLS) ali 587 (STARTTLS)."
        ),
        "summary_en": (
            "Does sending stop with a timeout error? Home internet providers often block port "
            "25; use 465 (SSL/TLS) or 587 (STARTTLS) instead."
        ),
        "body_sl": dedent("""\
            ## Kako se napaka pokaže

            Prejemanje deluje, sporočila pa obtičijo v mapi Odhodna pošta. Program po daljšem
            čakanju javi na primer:

            - **Thunderbird:** `The message could not be sent because the connection to
              Outgoing server (SMTP) streznik.avant.si timed out. Try again.`
            - **Outlook:** `The operation timed out waiting for a response from the sending
              (SMTP) server.` s kodo napake `0x8004210B` ali `0x800CCC0E`
            - splošno: `Connection timed out`

            ## Zakaj se to zgodi

            Vrata 25 so namenjena predvsem prenosu pošte med strežniki. Ker jih zlorabljajo
            okuženi računalniki za pošiljanje neželene pošte, jih mnogi ponudniki interneta za
            domače in mobilne priključke blokirajo. Vaš program zato sploh ne pride do našega
            strežnika in čaka, dokler ne poteče čas.

            ## Rešitev: zamenjajte vrata za odhodno pošto

            V nastavitvah strežnika za odhodno pošto (SMTP) vpišite druga vrata in ustrezno
            šifriranje:

            1. **465** s šifriranjem **SSL/TLS** – priporočamo,
            2. **587** s šifriranjem **STARTTLS**,
            3. **26** brez šifriranja – samo, če prvi dve možnosti ne delujeta; ni priporočljivo.

            Ime strežnika (na primer streznik.avant.si), uporabniško ime in vklopljena prijava
            ostanejo enaki. Pazite, da se vrata in šifriranje ujemata: 465 s STARTTLS ali 587 s
            SSL/TLS prav tako ne deluje. Vsa vrata so zbrana v [tabeli vrat](/clanek/tabela-vrat/).

            ## Če tudi to ne pomaga

            - Začasno izklopite požarni zid ali protivirusni program, ki pregleduje pošto, in
              poskusite znova.
            - V službenem omrežju so vrata lahko zaprta namerno; vprašajte svojega skrbnika
              omrežja.
            - Poskusite z drugim omrežjem, na primer z mobilnimi podatki na telefonu. Če tam
              deluje, je vzrok v omrežju, ne v nastavitvah.
            """),
        "body_en": dedent("""\
            ## What the error looks like

            Receiving works, but messages get stuck in the Outbox. After a long wait, your
            program says something like:

            - **Thunderbird:** `The message could not be sent because the connection to
              Outgoing server (SMTP) streznik.avant.si timed out. Try again.`
            - **Outlook:** `The operation timed out waiting for a response from the sending
              (SMTP) server.` with error code `0x8004210B` or `0x800CCC0E`
            - in general: `Connection timed out`

            ## Why it happens

            Port 25 is mainly meant for passing mail between servers. Because infected
            computers misuse it to send spam, many internet providers block it on home and
            mobile connections. Your program never reaches our server and waits until it times
            out.

            ## The fix: change the outgoing port

            In your outgoing (SMTP) server settings, enter a different port and the matching
            encryption:

            1. **465** with **SSL/TLS** encryption – recommended,
            2. **587** with **STARTTLS** encryption,
            3. **26** without encryption – only if the first two don't work; not recommended.

            The server name (for example streznik.avant.si), the username and authentication
            stay the same. Make sure port and encryption match: 465 with STARTTLS or 587 with
            SSL/TLS doesn't work either. All ports are listed in the [ports
            table](/en/article/tabela-vrat/).

            ## If that doesn't help

            - Temporarily turn off a firewall or antivirus program that scans email, and try
              again.
            - On a company network, ports may be closed on purpose; ask your network
              administrator.
            - Try another network, such as mobile data on your phone. If it works there, the
              cause is the network, not your settings.
            """),
        "related": ["tabela-vrat", "kaj-je-smtp", "relay-denied"],
    },
]


PROGRAMS = [
    {
        "slug": "outlook-windows",
        "name": "Outlook (Windows)",
        "platform": "windows",
        "icon": "outlook",
        "auto_configuration": "autodiscover",
        "user_agent_hint": "windows",
        "order": 1,
        "steps": [
            (
                "Odprite Outlook in izberite **Datoteka › Dodaj račun**.",
                "Open Outlook and choose **File › Add Account** (Slovenian: "
                "**Datoteka › Dodaj račun**).",
            ),
            (
                "Vpišite naslov {email}, kliknite **Dodatne možnosti**, označite **Dovoli mi "
                "ročno nastavitev računa** in kliknite **Poveži**.",
                "Enter {email}, click **Advanced options**, tick **Let me set up my account "
                "manually** and click **Connect**.",
            ),
            (
                "Med vrstami računov izberite {incoming_protocol} (v Outlooku gumb **POP** ali "
                "**IMAP**).",
                "Choose {incoming_protocol} as the account type (the **POP** or **IMAP** button "
                "in Outlook).",
            ),
            (
                "Pri **Dohodna pošta** vpišite strežnik {incoming_server}, vrata {incoming_port} "
                "in za **Način šifriranja** izberite {incoming_security}.",
                "Under **Incoming mail**, enter server {incoming_server}, port {incoming_port} "
                "and set **Encryption method** to {incoming_security}.",
            ),
            (
                "Možnosti **Zahtevaj prijavo z varnim preverjanjem gesla (SPA)** ne označite.",
                "Leave **Require logon using Secure Password Authentication (SPA)** unticked.",
            ),
            (
                "Pri **Odhodna pošta** vpišite strežnik {outgoing_server}, vrata "
                "{outgoing_port} in za **Način šifriranja** izberite {outgoing_security}. "
                "Kliknite **Naprej**.",
                "Under **Outgoing mail**, enter server {outgoing_server}, port {outgoing_port} "
                "and set **Encryption method** to {outgoing_security}. Click **Next**.",
            ),
            (
                "Vpišite geslo poštnega predala {email} in kliknite **Poveži**.",
                "Enter the mailbox password for {email} and click **Connect**.",
            ),
            (
                "Ko Outlook sporoči, da je račun dodan, kliknite **Dokončano**. Pošljite si "
                "preizkusno sporočilo.",
                "When Outlook reports that the account was added, click **Done**. Send yourself "
                "a test message.",
            ),
        ],
    },
    {
        "slug": "thunderbird",
        "name": "Mozilla Thunderbird",
        "platform": "any",
        "icon": "thunderbird",
        "auto_configuration": "autoconfig",
        "user_agent_hint": "",
        "order": 2,
        "steps": [
            (
                "Odprite Thunderbird in v meniju **☰** izberite **Nov račun › E-pošta**.",
                "Open Thunderbird and choose **☰ › New Account › Email** (Slovenian: "
                "**Nov račun › E-pošta**).",
            ),
            (
                "Vpišite svoje ime, e-poštni naslov {email} in geslo poštnega predala. "
                "Kliknite **Nadaljuj**.",
                "Enter your name, the address {email} and your mailbox password. Click "
                "**Continue**.",
            ),
            (
                "Thunderbird nastavitve morda najde sam. Kliknite **Ročna nastavitev**, da jih "
                "preverite oziroma vpišete.",
                "Thunderbird may find the settings itself. Click **Configure manually** to "
                "check or enter them.",
            ),
            (
                "Pri **Strežnik za dohodno pošto** izberite protokol {incoming_protocol}, "
                "vpišite gostitelja {incoming_server} in vrata {incoming_port}.",
                "Under **Incoming Server**, choose protocol {incoming_protocol}, enter hostname "
                "{incoming_server} and port {incoming_port}.",
            ),
            (
                "Za **Varnost povezave** izberite {incoming_security}, za **Način overitve** "
                "**Običajno geslo**, za uporabniško ime pa vpišite {username}.",
                "Set **Connection security** to {incoming_security}, **Authentication method** "
                "to **Normal password** and **Username** to {username}.",
            ),
            (
                "Pri **Strežnik za odhodno pošto** vpišite gostitelja {outgoing_server}, vrata "
                "{outgoing_port} in varnost povezave {outgoing_security}.",
                "Under **Outgoing Server**, enter hostname {outgoing_server}, port "
                "{outgoing_port} and connection security {outgoing_security}.",
            ),
            (
                "Tudi za odhodno pošto izberite **Običajno geslo** in uporabniško ime {username}.",
                "For outgoing mail too, choose **Normal password** and username {username}.",
            ),
            (
                "Kliknite **Ponovno preizkusi**, nato **Končano**.",
                "Click **Re-test**, then **Done**.",
            ),
        ],
    },
    {
        "slug": "apple-mail-macos",
        "name": "Apple Mail (macOS)",
        "platform": "macos",
        "icon": "apple",
        "auto_configuration": "apple-profile",
        "user_agent_hint": "mac",
        "order": 3,
        "steps": [
            (
                "Odprite aplikacijo Mail in v menijski vrstici izberite **Mail › Dodaj račun**.",
                "Open Mail and choose **Mail › Add Account** from the menu bar.",
            ),
            (
                "Izberite **Drug račun za Mail** in kliknite **Nadaljuj**.",
                "Choose **Other Mail Account** and click **Continue**.",
            ),
            (
                "Vpišite svoje ime, e-poštni naslov {email} in geslo poštnega predala. "
                "Kliknite **Vpis**.",
                "Enter your name, the address {email} and your mailbox password. Click "
                "**Sign In**.",
            ),
            (
                "Ko Mail pokaže dodatna polja, vpišite uporabniško ime {username} in za "
                "**Vrsta računa** izberite {incoming_protocol}.",
                "When Mail shows more fields, enter **User Name** {username} and choose "
                "{incoming_protocol} as **Account Type**.",
            ),
            (
                "Za strežnik dohodne pošte vpišite {incoming_server}, za strežnik odhodne pošte "
                "pa {outgoing_server}. Kliknite **Vpis**.",
                "Enter {incoming_server} as **Incoming Mail Server** and {outgoing_server} as "
                "**Outgoing Mail Server**. Click **Sign In**.",
            ),
            (
                "Označite aplikacije, ki naj uporabljajo račun (vsaj Mail), in kliknite "
                "**Končano**.",
                "Select the apps that should use the account (at least Mail) and click **Done**.",
            ),
            (
                "Odprite **Mail › Nastavitve › Računi › Nastavitve strežnika** in počistite "
                "**Samodejno upravljaj nastavitve povezave**.",
                "Open **Mail › Settings › Accounts › Server Settings** and untick "
                "**Automatically manage connection settings**.",
            ),
            (
                "Pri dohodni pošti vpišite vrata {incoming_port}, pri odhodni {outgoing_port}, "
                "in označite **Uporabi TLS/SSL** ({incoming_security}). Kliknite **Shrani**.",
                "Enter port {incoming_port} for incoming and {outgoing_port} for outgoing mail, "
                "and tick **Use TLS/SSL** ({incoming_security}). Click **Save**.",
            ),
        ],
    },
    {
        "slug": "mail-iphone",
        "name": "Mail (iPhone, iPad)",
        "platform": "ios",
        "icon": "apple",
        "auto_configuration": "apple-profile",
        "user_agent_hint": "iphone",
        "order": 4,
        "steps": [
            (
                "Odprite **Nastavitve › Aplikacije › Mail › Računi pošte › Dodaj račun** (na "
                "iOS 17 in starejših: **Nastavitve › Mail › Računi › Dodaj račun**).",
                "Open **Settings › Apps › Mail › Mail Accounts › Add Account** (on iOS 17 and "
                "earlier: **Settings › Mail › Accounts › Add Account**).",
            ),
            (
                "Tapnite **Drugo** in nato **Dodaj račun pošte**.",
                "Tap **Other**, then **Add Mail Account**.",
            ),
            (
                "Vpišite svoje ime, e-poštni naslov {email}, geslo poštnega predala in opis "
                "(npr. Služba). Tapnite **Naprej**.",
                "Enter your name, the address {email}, your mailbox password and a description "
                "(e.g. Work). Tap **Next**.",
            ),
            (
                "Na vrhu izberite vrsto računa {incoming_protocol} (**IMAP** ali **POP**).",
                "At the top, choose {incoming_protocol} as the account type (**IMAP** or **POP**).",
            ),
            (
                "Pri **Strežnik za dohodno pošto** vpišite ime gostitelja {incoming_server} in "
                "uporabniško ime {username}.",
                "Under **Incoming Mail Server**, enter **Host Name** {incoming_server} and "
                "**User Name** {username}.",
            ),
            (
                "Pri **Strežnik za odhodno pošto** vpišite ime gostitelja {outgoing_server}, "
                "uporabniško ime {username} in isto geslo. Tapnite **Naprej** in **Shrani**.",
                "Under **Outgoing Mail Server**, enter **Host Name** {outgoing_server}, "
                "**User Name** {username} and the same password. Tap **Next**, then **Save**.",
            ),
            (
                "Odprite račun, tapnite **Račun › Dodatno** in preverite: **Uporabi SSL** "
                "vklopljeno za {incoming_security}, **Vrata strežnika** {incoming_port}.",
                "Open the account, tap **Account › Advanced** and check: **Use SSL** on for "
                "{incoming_security}, **Server Port** {incoming_port}.",
            ),
            (
                "Pod **Račun › SMTP** tapnite strežnik in preverite vrata {outgoing_port} in "
                "šifriranje {outgoing_security}.",
                "Under **Account › SMTP**, tap the server and check port {outgoing_port} and "
                "encryption {outgoing_security}.",
            ),
        ],
    },
    {
        "slug": "gmail-android",
        "name": "Gmail (Android)",
        "platform": "android",
        "icon": "android",
        "auto_configuration": "manual",
        "user_agent_hint": "android",
        "order": 5,
        "steps": [
            (
                "Odprite Gmail, zgoraj desno tapnite svojo profilno sliko in izberite **Dodaj "
                "drug račun**.",
                "Open Gmail, tap your profile picture at the top right and choose **Add another "
                "account**.",
            ),
            (
                "Izberite **Drugo**, vpišite {email} in tapnite **Ročna nastavitev**.",
                "Choose **Other**, enter {email} and tap **Manual setup**.",
            ),
            (
                "Izberite vrsto računa **Osebni ({incoming_protocol})**.",
                "Choose the account type **Personal ({incoming_protocol})**.",
            ),
            (
                "Vpišite geslo poštnega predala in tapnite **Naprej**.",
                "Enter your mailbox password and tap **Next**.",
            ),
            (
                "Pri dohodnem strežniku preverite uporabniško ime {username}, vpišite strežnik "
                "{incoming_server}, vrata {incoming_port} in vrsto varnosti {incoming_security}.",
                "In the incoming server settings, check username {username}, enter server "
                "{incoming_server}, port {incoming_port} and security type {incoming_security}.",
            ),
            (
                "Ne izberite možnosti s pripisom »sprejmi vsa potrdila«. Tapnite **Naprej**.",
                'Don\'t choose an option marked "accept all certificates". Tap **Next**.',
            ),
            (
                "Pri odhodnem strežniku vklopite **Zahtevaj prijavo** ter vpišite strežnik SMTP "
                "{outgoing_server}, vrata {outgoing_port} in varnost {outgoing_security}.",
                "In the outgoing server settings, turn on **Require sign-in** and enter SMTP "
                "server {outgoing_server}, port {outgoing_port} and security "
                "{outgoing_security}.",
            ),
            (
                "Tapnite **Naprej**, izberite, kako pogosto naj Gmail preverja pošto, vpišite "
                "svoje ime in tapnite **Naprej**.",
                "Tap **Next**, choose how often Gmail checks for mail, enter your name and tap "
                "**Next**.",
            ),
        ],
    },
    {
        "slug": "windows-mail",
        "name": "Pošta / Windows Mail (Windows 10, 11)",
        "platform": "windows",
        "icon": "windows",
        "auto_configuration": "manual",
        "user_agent_hint": "",
        "order": 6,
        "steps": [
            (
                "Odprite aplikacijo **Pošta**, spodaj levo kliknite zobnik **Nastavitve** in "
                "izberite **Upravljanje računov › Dodaj račun**.",
                "Open the **Mail** app, click the **Settings** gear at the bottom left and "
                "choose **Manage accounts › Add account**.",
            ),
            (
                "Pomaknite se na dno seznama, izberite **Dodatna nastavitev** in nato "
                "**Internetna e-pošta**.",
                "Scroll to the bottom of the list, choose **Advanced setup**, then **Internet "
                "email**.",
            ),
            (
                "Vpišite e-poštni naslov {email}, uporabniško ime {username}, geslo poštnega "
                "predala in ime računa (npr. Služba).",
                "Enter the email address {email}, user name {username}, your mailbox password "
                "and an account name (e.g. Work).",
            ),
            (
                "Za **Strežnik za dohodno e-pošto** vpišite {incoming_server}:{incoming_port}.",
                "For **Incoming email server**, enter {incoming_server}:{incoming_port}.",
            ),
            (
                "Za **Vrsta računa** izberite {incoming_protocol} (IMAP je v seznamu **IMAP4**).",
                "Set **Account type** to {incoming_protocol} (IMAP is listed as **IMAP4**).",
            ),
            (
                "Za **Strežnik za odhodno e-pošto (SMTP)** vpišite "
                "{outgoing_server}:{outgoing_port}.",
                "For **Outgoing (SMTP) email server**, enter {outgoing_server}:{outgoing_port}.",
            ),
            (
                "Pustite označeno, da strežnik za odhodno pošto zahteva preverjanje pristnosti "
                "in da za pošiljanje uporabi isto uporabniško ime in geslo.",
                "Keep **Outgoing server requires authentication** and **Use the same user name "
                "and password for sending email** ticked.",
            ),
            (
                "Označite **Zahtevaj SSL za dohodno e-pošto** ({incoming_security}) in "
                "**Zahtevaj SSL za odhodno e-pošto** ({outgoing_security}). Kliknite **Vpis**.",
                "Tick **Require SSL for incoming email** ({incoming_security}) and **Require "
                "SSL for outgoing email** ({outgoing_security}). Click **Sign in**.",
            ),
        ],
    },
    {
        "slug": "samsung-email",
        "name": "Samsung Email",
        "platform": "android",
        "icon": "android",
        "auto_configuration": "manual",
        "user_agent_hint": "",
        "order": 7,
        "steps": [
            (
                "Odprite aplikacijo **E-pošta** (Samsung Email). Če že imate račun, tapnite "
                "**☰ › ⚙ Nastavitve › Dodaj račun**.",
                "Open **Samsung Email**. If you already have an account, tap **☰ › ⚙ Settings "
                "› Add account**.",
            ),
            (
                "Izberite **Drugo**, vpišite {email} in geslo poštnega predala, nato tapnite "
                "**Ročna nastavitev**.",
                "Choose **Other**, enter {email} and your mailbox password, then tap **Manual "
                "setup**.",
            ),
            (
                "Izberite vrsto računa {incoming_protocol} (**Račun IMAP** ali **Račun POP3**).",
                "Choose {incoming_protocol} as the account type (**IMAP account** or **POP3 "
                "account**).",
            ),
            (
                "Pri dohodnem strežniku preverite uporabniško ime {username} in vpišite "
                "strežnik {incoming_server}.",
                "Under the incoming server, check username {username} and enter server "
                "{incoming_server}.",
            ),
            (
                "Za **Vrsta varnosti** izberite {incoming_security} (SSL/TLS se tu imenuje "
                "**SSL**, STARTTLS pa **TLS**) in vpišite vrata {incoming_port}.",
                "Set **Security type** to {incoming_security} (here SSL/TLS is called **SSL** "
                "and STARTTLS **TLS**) and enter port {incoming_port}.",
            ),
            (
                "Pri odhodnem strežniku vpišite strežnik SMTP {outgoing_server}, vrsto "
                "varnosti {outgoing_security} in vrata {outgoing_port}.",
                "Under the outgoing server, enter SMTP server {outgoing_server}, security type "
                "{outgoing_security} and port {outgoing_port}.",
            ),
            (
                "Vklopite **Za pošiljanje e-pošte zahtevaj preverjanje pristnosti**; "
                "uporabniško ime {username} in geslo sta enaka kot zgoraj.",
                "Turn on **Require authentication to send emails**; username {username} and "
                "password are the same as above.",
            ),
            (
                "Ne izberite vrste varnosti s pripisom »sprejmi vsa potrdila«. Tapnite **Vpis**.",
                'Don\'t choose a security type marked "accept all certificates". Tap **Sign in**.',
            ),
        ],
    },
]


# Search synonyms staff would start with (editable in the admin).
# Slovenian has no stemmer in our search engines, so the common forms of the words customers
# type are listed here: a search for any form also finds the others.
SEARCH_WORD_FORMS = [
    ["predal", "predala", "predalu", "predalom", "predali", "predalov", "predale", "predalih"],
    ["strežnik", "strežnika", "strežniku", "strežnikom", "strežniki", "strežnikov"],
    ["geslo", "gesla", "geslu", "geslom", "gesel"],
    ["nastavitev", "nastavitve", "nastavitvah", "nastavitvami", "nastaviti", "nastavim"],
    ["sporočilo", "sporočila", "sporočilu", "sporočil", "sporočili"],
    ["potrdilo", "potrdila", "certifikat", "certifikata", "certifikatu"],
    ["vrata", "vrat", "port", "porti", "portov"],
]

# (when a search contains, also search for, the article to show first)
SEARCH_SYNONYMS = [
    ("geslo ne dela", "", "prijava-ni-uspela"),
    ("napačno geslo", "", "prijava-ni-uspela"),
    ("pozabljeno geslo", "", "prijava-ni-uspela"),
    ("password not working", "", "prijava-ni-uspela"),
    ("ne morem poslati", "pošiljanje, odhodna pošta", "relay-denied"),
    ("pošta ne odide", "pošiljanje, odhodna pošta", ""),
    ("cannot send", "sending, outgoing", "relay-denied"),
    ("e-mail", "e-pošta, pošta", ""),
    ("nabiralnik", "predal", ""),
    ("mailbox", "inbox, account", ""),
]
