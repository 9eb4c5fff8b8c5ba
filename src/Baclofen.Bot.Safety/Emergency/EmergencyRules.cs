using static Baclofen.Bot.Safety.Emergency.EmergencyCategory;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>The phrase rules of the emergency detector, one category per block.</summary>
/// <remarks>
/// Upper-case names are concepts of <see cref="EmergencyLexicon"/> and match every form and
/// typo of their words; see <see cref="Pattern"/> for the syntax. Rules describe ways of
/// saying things, never particular messages. Amounts taken ("I took 15 pills") are read by
/// <see cref="IngestionReader"/>, not here.
/// </remarks>
internal static class EmergencyRules
{
    // Words for "cannot" that, before a verb, describe an inability rather than a choice.
    private const string Cannot = "not|isnt|cant|cannot|couldnt|wont|wouldnt|doesnt|didnt|unable|hasnt|aint|wasnt|arent|no|cnt|wnt|dosent|dosnt|doesent|cudnt|cannt|isent";
    private const string Someone = "he|hes|she|shes|they|theyre|PERSON|CHILD";
    // What a child swallowed, when it was not simply their own dose: some, mine, several, a strip...
    private const string SwallowedSomething = "swallowed|swallow|swallows|ate|eaten|eat|eats|drank|drunk|drink|drinks|chewed|chewing|sucked|licked|ingested|chugged|gulped|downed|swigged|necked|sipped some|my|them|several|few|bunch|handful|lots|loads|one|a|an|#|something|sisters|brothers|mums|moms|dads|grandmas|grandpas|nans|grans|grannys|CONTAINER|pills|tablets|baclofen";
    private const string TookSomeoneElses = "took|taken|got|gotten|found|into *3 some|my|them|sisters|brothers|mums|moms|dads|grandmas|grandpas|nans|grans|grannys|CONTAINER";

    public static IReadOnlyList<Rule> All { get; } =
    [
        // ---- Overdose -------------------------------------------------------------------
        Report(Overdose, "OVERDOSE"),
        Report(Overdose, "OVERDO *3 PILL"),
        Report(Overdose, "took|taken|taking|take|takes|swallowed|swallow|had|popped|given|gave|injected|OVERDOSE *3 too much|many"),
        QuestionTopic(Overdose, "too much|many *2 PILL"),
        Report(Overdose, "give|gave|given|giving|gives|pump|delivered *4 too much|many"),
        Report(Overdose, "found *6 empty *3 CONTAINER|PILL"),
        Report(Overdose, "empty *2 CONTAINER *3 everywhere|around|beside|next|near|by|floor"),
        Report(Overdose, "PILL|tablets|pills missing", NegationPolicy.Honour),
        Report(Overdose, "PILL|CONTAINER|pills|tablets *8 # *2 missing|gone", NegationPolicy.Honour),
        Topic(Overdose, "scared|worried|afraid|worry|worrying|concerned|fear|nervous *5 might|could|will|would|may *2 INGEST|take|swallow|get|OVERDOSE"),
        Report(Overdose, "got|gotten|getting into *2 PILL|bottle|bottles|pack|packet|box|blister|organizer|organiser|cabinet|cupboard|purse|handbag"),
        Report(Overdose, "got|gotten *3 CONTAINER|PILL open|opened"),
        // Children do not take medicine by accident in small amounts we can count on. "Can't
        // swallow" is a child who did not swallow, so that denial is believed.
        Report(Overdose, $"CHILD *10 {SwallowedSomething}", NegationPolicy.Honour),
        Report(Overdose, $"little|baby boy|girl|one|man|lad *10 {SwallowedSomething}", NegationPolicy.Honour),
        Report(Overdose, $"year|yr|years|yrs old *8 {SwallowedSomething}", NegationPolicy.Honour),
        Report(Overdose, $"# yo|yrold|yearold|mo|month|months *8 {SwallowedSomething}", NegationPolicy.Honour),
        Report(Overdose, $"CHILD *10 {TookSomeoneElses}"),
        Report(Overdose, "CHILD *10 chewed|chewing|bit|biting|sucked|sucking|licked *3 CONTAINER|PILL|pills|tablets|packet|foil"),
        Report(Overdose, $"little|baby boy|girl|one|man|lad *10 {TookSomeoneElses}"),
        // Someone else took the writer's medicine.
        Report(Overdose, $"{Someone} *5 took|swallowed|ate|drank|popped|downed|snorted *2 my *2 PILL|CONTAINER"),
        Report(Overdose, "ate|eaten|eating|eat my|some|the|all|loads|lots|a? *1 PILL|them"),
        Report(Overdose, $"{Someone} *2 found|got|grabbed *3 my|the|her|his|their|grandmas|grandads|mums|dads *2 PILL|CONTAINER *4 ate|swallowed|took|eaten|drank|chewed some|them|it|one|a|loads|lots"),
        Report(Overdose, "poison control|centre|center|line"),
        // Poison as a word is a topic ("a poison in a novel", "is it toxic to dogs"); someone
        // poisoned is a report.
        Topic(Overdose, "POISON"),
        Report(Overdose, $"{Someone}|i|im|ive|me|been|got|getting|accidentally *3 POISON"),
        // Emergency services named in a statement are an emergency now, unless told as history
        // ("the paramedics were great last year"); asked about, they are a topic.
        Report(Overdose, "emergency|ambulance|911|999|paramedics|resus") with { QuietWhenGeneral = true },
        QuestionTopic(Overdose, "emergency|ambulance|911|999|paramedics|resus"),
        Report(Overdose, "call|calling|called ambulance|911|999|112|000|paramedics"),
        QuestionTopic(Overdose, "PILL|mg|mgs|milligrams|tablets|pills|dose|doses|amount *4 too much|many"),
        Topic(Overdose, "LETHAL"),
        QuestionTopic(Overdose, "red|warning|danger flags|flag|signs|symptoms"),
        QuestionTopic(Overdose, "go|going|call|ring|phone|rush *3 er|casualty|hospital|ambulance|999|911|e"),
        QuestionTopic(Overdose, "unsafe|dangerous|toxic|harmful|deadly|fatal amount|dose|doses|level|levels|quantity"),
        QuestionTopic(Overdose, "how much|many *3 too much|many"),
        Report(Overdose, "feel|feeling|think|thinking *3 dying|die"),
        Report(Overdose, "dog|dogs|cat|cats|puppy|kitten|pet *3 INGEST|ate|eaten|swallowed|chewed|got *3 PILL|CONTAINER|pills|tablets|meds"),
        QuestionTopic(Overdose, "death|deaths|DIE|dying|fatalities"),
        QuestionTopic(Overdose, "accidentally|accidental|accident *3 INGEST|OVERDOSE|ingestion|poisoning|swallowing"),
        Topic(Overdose, "NALOXONE"),
        Topic(Overdose, "die|dying|died from|of *3 PILL|OVERDOSE|it|too"),
        Topic(Overdose, "kill|killed *2 you|someone|people|person|anyone|kids|children"),
        QuestionTopic(Overdose, "KILL $"),

        // ---- Seizure --------------------------------------------------------------------
        Report(Seizure, "SEIZE"),
        Report(Seizure, "CONVULSE"),
        Report(Seizure, "having|had|has|going|gone|went|into|another|in *3 SEIZURE|CONVULSION"),
        Report(Seizure, "SEIZURE|CONVULSION right now|now|again|still"),
        Report(Seizure, "is|was|hes|shes|been|started|starts|keeps|keep|still|are|im|and|now fitting"),
        Report(Seizure, "fitting and|now|again|still|on"),
        Report(Seizure, "having|had|has|have|another a? fit|fits"),
        Report(Seizure, "shaking|jerking|twitching|trembling|thrashing|spasming all over"),
        Report(Seizure, "shaking|jerking|twitching|thrashing uncontrollably|violently"),
        Report(Seizure, "shaking|jerking and shaking|jerking|twitching|twitching"),
        Report(Seizure, "eyes *2 rolling|rolled back|up"),
        Report(Seizure, "eyes *3 rolling|rolled|rolls"),
        Report(Seizure, $"{Someone} *1 went|goes|gone|going|is|was stiff *4 jerking|shaking|twitching|convulsing|fitting"),
        Report(Seizure, $"{Someone} *3 jerking|thrashing"),
        Report(Seizure, "grand mal|mals"),
        Report(Seizure, "tonic *1 clonic"),
        Report(Seizure, "is|was|hes|shes|keeps|started fiting"),
        Report(Seizure, "foaming *2 mouth"),
        Topic(Seizure, "SEIZURE"),
        Topic(Seizure, "CONVULSION"),
        Topic(Seizure, "EPILEPSY"),
        Report(Seizure, $"{Someone} *2 wont|cant|wouldnt|doesnt stop shaking|jerking|twitching|convulsing|fitting"),
        Report(Unresponsive, "eyes *3 open *5 not there|responding|home|with"),
        QuestionTopic(Seizure, "fit|fits|fitting"),
        Topic(Seizure, "fits|fit|fitting *4 side|effect|effects|risk|risks|warning|warnings"),

        // ---- Breathing ------------------------------------------------------------------
        Report(Breathing, "STOP *2 BREATHE"),
        Report(Breathing, "BREATHE *3 STOP"),
        Report(Breathing, $"{Cannot} *1 BREATHE"),
        Report(Breathing, "barely|hardly|struggling|struggle|fighting|gasping|labored|laboured|difficulty|trouble|hard|problems *2 BREATHE"),
        Report(Breathing, "BREATHE *3 slow|shallow|weird|funny|strange|noisy|irregular|rattly|rattling|rattle|gurgling|gurgle|snoring|snorey|laboured|labored|raspy|wrong|odd|off|faint|weak|oddly|strangely|weirdly|badly|poorly"),
        Report(Breathing, "BREATHE *4 once|every *3 seconds|secs|minute|min|mins"),
        Report(Breathing, "is|im|hes|shes|started|starting|keeps|now|suddenly|really|badly *2 wheezing|wheezy"),
        QuestionTopic(Breathing, "wheezing|wheezy|wheeze"),
        Report(Breathing, "slow|slowly|shallow|noisy|irregular|gasping|agonal|laboured|labored *1 BREATHE"),
        Report(Breathing, $"tell|sure|know|unsure|check|checking|whether|if|think *3 {Someone}|him|her|baby *2 BREATHE"),
        Report(Breathing, "is|isnt|are|arent|was *1 he|she|they|PERSON|CHILD|baby *1 still|even? BREATHE"),
        Report(Breathing, "turning|turned|going|gone|went|look|looks|looking|lips|lip|skin|fingers|fingertips|face|mouth|nails *3 BLUE"),
        Report(Breathing, "turning|turned|gone *2 grey|gray"),
        Report(Breathing, "BLUE lips|lip|face|skin|fingers|fingertips|nails|mouth"),
        Report(Breathing, "choking|choked|suffocating|gasping|gurgling"),
        Report(Breathing, "cant|cannot|couldnt|not get|getting|catch *2 air|breath"),
        Report(Breathing, "struggling|struggle|fighting|hard|trouble|gasping *3 air|breath|oxygen"),
        Report(Breathing, "chest *2 not|isnt|stopped|arent|wont|hasnt|barely moving|rising|move|rise|moved"),
        Report(Breathing, "cant|cannot|couldnt find|feel|detect|hear *2 pulse|heartbeat|breath|breathing"),
        Report(Breathing, "no pulse|heartbeat"),
        Report(Breathing, "BREATHE *4 times|breaths *2 minute|min"),
        Report(Breathing, "BLUE *3 mouth|lips|face|fingers|skin"),
        Report(Breathing, "breaths *3 minute|min"),
        Report(Breathing, "pauses|pause|gaps|gap between *1 breaths|BREATHE"),
        Report(Breathing, "sats|saturation|saturations|spo2|oxygen|o2|obs *3 dropping|dropped|low|falling|fallen|down|crashing"),
        Report(Breathing, "having|getting|developed|developing *2 BREATHE problems|problem|difficulty|difficulties|trouble|issues"),
        Topic(Breathing, "BREATHE problems|problem|difficulty|difficulties|trouble|issues|depression"),
        Topic(Breathing, "RESPIRATORY"),
        QuestionTopic(Breathing, "BREATHE"),

        // ---- Unresponsive ---------------------------------------------------------------
        Report(Unresponsive, $"{Cannot} *3 WAKE"),
        Report(Unresponsive, $"{Cannot} *3 RESPOND"),
        Report(Unresponsive, "no RESPOND"),
        Report(Unresponsive, "UNCONSCIOUS"),
        Report(Unresponsive, $"{Cannot}|barely|semi|hardly|losing|lost|drifting *1 CONSCIOUS"),
        Report(Unresponsive, "passed|pass|passing|blacked|black|blacking|knocked out"),
        Report(Unresponsive, "out cold"),
        Report(Unresponsive, "fainted|fainting|collapsed|collapse|collapsing|collapses"),
        Report(Unresponsive, $"{Cannot} *4 coming|come|came round|around|to"),
        Report(Unresponsive, "hard|difficult|impossible|struggling|trouble *2 WAKE"),
        Report(Unresponsive, $"{Someone} *2 not|isnt|wasnt with it"),
        Report(Unresponsive, $"{Someone} *2 completely|totally|really|so|very|super|properly out of it"),
        Report(Unresponsive, $"{Cannot} *3 open *2 eyes"),
        Report(Unresponsive, "like a rag doll"),
        Report(Unresponsive, $"{Someone} *2 not|isnt|wont|hasnt|stopped|cant|cannot|arent moving|move"),
        Report(Unresponsive, $"{Someone} *3 limp|floppy|lifeless|unrousable"),
        Report(Unresponsive, "lifeless|unrousable|ashen|mottled"),
        Report(Unresponsive, $"{Someone}|found|him|her *3 slumped|slumping|keeled|crumpled"),
        Report(Unresponsive, $"found *1 {Someone}|him|her|them *4 floor|ground|unconscious|unresponsive|collapsed|passed|lying"),
        Report(Unresponsive, "fading|slipping|drifting away"),
        Report(Unresponsive, "fading|slipping|drifting in and out"),
        Report(Unresponsive, $"im|hes|shes|is|{Someone} *1 fading|slipping"),
        Report(Unresponsive, "losing|lose|lost consciousness"),
        Report(Unresponsive, $"{Someone} *3 not|isnt|wasnt|stopped making sense"),
        Report(Unresponsive, $"{Someone} *2 slurring|slurred"),
        Topic(Unresponsive, "COMA"),

        // ---- Allergic swelling ----------------------------------------------------------
        Report(AllergicSwelling, "FACE *4 SWELL"),
        Report(AllergicSwelling, "SWELL *3 FACE"),
        Report(AllergicSwelling, "throat|throats *4 TIGHT|SWELL|tightening|closing|thick|tighter"),
        Report(AllergicSwelling, "hives|welts|rash *4 wheezing|wheezy|throat|lips|tongue|swelling|swollen|faint|dizzy|breathe"),
        Report(AllergicSwelling, "anaphylaxis|anaphylactic after|from|since|right|now|help"),
        // Breathing trouble told before the hives: "cant breathe well, hives, first dose".
        Report(AllergicSwelling, $"{Cannot} *1 BREATHE *6 hives|welts|wheezing|wheezy"),
        Report(AllergicSwelling, "ALLERGIC *2 reaction? help|now|happening"),
        Report(AllergicSwelling, "FACE *3 blew|blown|blowing|puffed|ballooned up"),
        Report(AllergicSwelling, "tongue|throat|tounge *3 thick|tingling|tingly|itchy|itching|fat|big"),
        Report(AllergicSwelling, "lips|lip *3 thick|fat|big"),
        Report(AllergicSwelling, "having|had|getting|got|think|anaphylactic|severe *3 ALLERGIC reaction|shock"),
        Report(AllergicSwelling, "having|had|going|gone|went|into|in|think *2 anaphylaxis|anaphylactic"),
        Topic(AllergicSwelling, "anaphylaxis|anaphylactic"),
        // Asking about allergy at all is asking about the road to anaphylaxis: the emergency text first.
        QuestionTopic(AllergicSwelling, "ALLERGIC"),
        QuestionTopic(AllergicSwelling, "SWELL"),

        // ---- Self-harm ------------------------------------------------------------------
        Topic(SelfHarm, "SUICIDE"),
        Report(SelfHarm, "im|am|feel|feeling|felt|been|getting|having|have|had|was|is|hes|shes|are|thinking|thoughts|think *2 SUICIDE"),
        Report(SelfHarm, "SUICIDE thoughts|note|attempt|plan|again|tonight|now"),
        Report(SelfHarm, "attempt|attempted|attempting|tried|commit|committed *1 SUICIDE"),
        Report(SelfHarm, "KILL SELF"),
        Report(SelfHarm, "KILL|hang|hanging|hurt|harm my|him|her self|selves"),
        Report(SelfHarm, "hang|hanging|hanged|drown|drowning|shoot|shooting|suffocate SELF"),
        Report(SelfHarm, "jump|jumping|throw|throwing *2 off|in|under|front *2 bridge|building|roof|cliff|train|bus|car|traffic|river"),
        Report(SelfHarm, "slit|slitting|cut|cutting|slash|slashing *1 my|his|her? wrists|wrist|throat"),
        Report(SelfHarm, "SUICIDE SELF"),
        Report(SelfHarm, "kms|kmsl|unalive|unaliving|unalived"),
        Report(SelfHarm, "going|gonna|might|will|about|want|wanna|tempted *2 do something stupid|drastic|silly"),
        Report(SelfHarm, "want|wish|wanted|please|somebody|someone|just *2 KILL me"),
        Report(SelfHarm, "harm|hurt|hurting|harming|cut|cutting SELF"),
        Report(SelfHarm, "self harm|harming|harmed"),
        Report(SelfHarm, "want|wanna|wants|wanted|wanting|going|gonna|ready|wish|wishing|trying|try|rather|deserve *2 DIE"),
        Report(SelfHarm, "better off dead|gone"),
        Report(SelfHarm, "better off without me"),
        Report(SelfHarm, "better off *1 if|without *1 i|me"),
        Report(SelfHarm, "if i was|were|wasnt|werent *1 gone|dead|here|around|alive"),
        Report(SelfHarm, "tired|sick|weary *1 of living|life|existing"),
        Report(SelfHarm, "no|nothing reason|point|left *2 live|living"),
        Report(SelfHarm, "no|nothing reason|point *2 go|going|carry|carrying on"),
        Report(SelfHarm, "tired|sick|weary *1 of being alive|here"),
        Report(SelfHarm, "sitting|sat|alone *4 with|holding *1 all|whole|every|entire *2 PILL|CONTAINER|pills|tablets"),
        Report(SelfHarm, "PILL|CONTAINER|supply|months|weeks *3 saved|stashed|hidden|stockpiled|hoarded|squirreled"),
        Report(SelfHarm, "end|ending *2 it|life|things|everything|myself|all"),
        Report(SelfHarm, "thoughts|thinking|think|thought *2 of|about ending *1 it|things|everything|life|myself|all"),
        Report(SelfHarm, "thoughts|thinking|think|thought *2 of|about dying|suicide|killing"),
        Report(SelfHarm, "take|taking|took *1 my|his|her|their own? life"),
        Report(SelfHarm, "dont|not|never|doesnt|didnt|dnt want|wanna *1 to? *2 here|alive|live|living|exist|existing|wake"),
        Report(SelfHarm, "no|dont|not|cant|cannot|couldnt *1 see? *1 point *3 living|life|alive|existing|here"),
        Report(SelfHarm, "no|dont|not|cant|cannot|couldnt *1 see? *1 point anymore $"),
        Report(SelfHarm, "not|isnt|aint worth living|existing"),
        Report(SelfHarm, "life|living *2 not|isnt|aint worth"),
        Report(SelfHarm, "cant|cannot|couldnt do|handle|take this|it|life *1 anymore|longer"),
        Report(SelfHarm, "cant|cannot|couldnt cope *2 anymore|longer"),
        Report(SelfHarm, "cant|cannot|couldnt go|carry on *1 like|living|anymore"),
        Report(SelfHarm, "nobody|noone|nobodys *2 miss|notice"),
        Report(SelfHarm, "no one *2 miss|notice"),
        Report(SelfHarm, "nobody|noone *1 cares|care $"),
        Report(SelfHarm, "no one *1 cares|care $"),
        Report(SelfHarm, "nobody|noone *1 cares|care about|if|whether me|i"),
        Report(SelfHarm, "no one *1 cares|care about|if|whether me|i"),
        Report(SelfHarm, "anyone *1 miss me"),
        Report(SelfHarm, "saved|saving|save up|enough"),
        Report(SelfHarm, "hoarding|hoarded|hoard|stockpiling|stockpiled|stockpile|stashing|stashed|stash|collecting|collected *4 PILL|CONTAINER|up|enough"),
        Report(SelfHarm, "enough *2 PILL *1 to *2 DIE|end|KILL"),
        Report(SelfHarm, "lined|lining|line up *3 PILL|CONTAINER|them"),
        Report(SelfHarm, "PILL *3 lined|lining up"),
        Report(SelfHarm, "left|leaving|wrote|writing|found a|her|his|their|suicide note"),
        Report(SelfHarm, "wrote|written|writing|left|leaving *2 letters|letter|note|notes|goodbyes *2 everyone|everybody|family|kids|children|goodbye"),
        Report(SelfHarm, "goodbye|farewell letter|letters|note|notes|world"),
        Report(SelfHarm, "saying|said|say goodbye *2 everyone|everybody|family|world|kids"),
        Report(SelfHarm, "text|texts|texted|message|messaged|messages|note|letter|call|called|voicemail *2 saying|said|to? goodbye|bye"),
        Report(SelfHarm, "done|finished with *2 everything|life|living|world|existing"),
        Report(SelfHarm, "done|finished with it all"),
        Report(SelfHarm, "had enough of *2 life|everything|living|world"),
        Report(SelfHarm, "had enough of it all"),
        Report(SelfHarm, "want|wanted|wanna *2 it|everything|all *1 to stop|end"),
        Report(SelfHarm, "want|wanted|wanna *2 it|everything|all *1 to be over"),
        Report(SelfHarm, "life *2 pointless|meaningless|worthless|hopeless|over"),
        Report(SelfHarm, "pointless|hopeless *2 living|alive|anymore"),
        Report(SelfHarm, "sleep|asleep *3 never *1 wake"),
        Report(SelfHarm, "sleep|asleep *3 not *1 wake up again|ever"),
        Report(SelfHarm, "want|wish|pray|praying *3 never|not|dont|didnt|wouldnt *1 wake"),
        Report(SelfHarm, "sleep|sleeping forever"),
        Report(SelfHarm, "want|wanna|wanted|wish|ready|going|gonna *2 stop|quit existing|living"),
        Report(SelfHarm, "want|wanna|wanted|wish|rather|ready *2 not|never *1 be|exist here|around|alive|anymore"),
        Report(SelfHarm, "not|never *1 be here|around anymore|much"),
        Report(SelfHarm, "want|wanna|wish|wishing|ready *2 disappear|vanish|sleep *1 forever|good"),
        Report(SelfHarm, "planning|plan|plans|going|gonna|want|wanna|wants|trying|try|thinking|ready *3 OVERDOSE"),
        // A stop or a pump shut off on purpose, or not caring what follows: self-harm by withholding.
        Report(SelfHarm, "turn|turning|turned|switch|switching|switched|shut|shutting|unplug|unplugging|disconnect|disconnecting|empty|emptying|drain|draining *3 pump *6 on? purpose|purposely|deliberately|intentionally"),
        Report(SelfHarm, "let|letting *2 pump|it *1 run|go|running dry|empty *6 on? purpose|purposely|deliberately|intentionally|care"),
        Report(SelfHarm, "dont|doesnt|didnt|not|no|wont|never care|cares *2 what|if *2 happens|happen|die|dies|live|lives"),
        Report(SelfHarm, "dont|doesnt|didnt|not|never want|wants|wanna|wanted *1 to? be|get found|saved|rescued|stopped"),
        // Someone else's stated plan: "my brother says he's going to take all his pills".
        Report(SelfHarm, "going|gonna|wants|want|plans|planning|threatening|threatened|threatens|about *1 to? take|swallow|down|eat *1 the? all|every|whole|entire *3 PILL|CONTAINER|them|baclofen|meds|lot"),
        Report(SelfHarm, "said|says|saying|say|texted|told *2 goodbye|farewell *2 to? me|us|everyone|mom|dad|family"),
        // The same in Spanish: "se va a tomar todas sus pastillas", "se quiere morir", "despedirse".
        Report(SelfHarm, "tomar|tomarse|tomarme|tomármelas|tomarmelas|tomo|tome|tomando *1 todas|todos *3 pastillas|pastilla|tabletas|medicinas"),
        Report(SelfHarm, "quiere|quiero|queria|quieren|quería morir|morirse|matarse|suicidarse|desaparecer"),
        Report(SelfHarm, "no quiere|quiero|queria|quería seguir? vivir|viviendo"),
        Report(SelfHarm, "despedirse|despedir|despidio|despidió|despide|despedida|adios|adiós"),

        // ---- The core emergencies in Spanish, the language a US clinic hears most after English:
        // the classifier reads many Spanish messages, these make the plainest ones certain.
        Report(Seizure, "convulsionando|convulsiona|convulsionó|convulsiono|convulsionar|convulsionaba"),
        Report(Seizure, "tiene|teniendo|le|dio|da|dando|esta|está *2 convulsion|convulsión|convulsiones|ataque|ataques"),
        Report(Breathing, "no puede|puedo|podia|podía|pueden|podemos respirar"),
        Report(Breathing, "no respira|respiraba"),
        Report(Breathing, "dejo|dejó|deja|dejando de respirar"),
        Report(Breathing, "labios|labio|cara|uñas morados|morado|morada|moradas|azules|azul"),
        Report(Unresponsive, "no *1 despierta|despertar|despertarlo|despertarla|despertarle|reacciona|responde"),
        Report(Unresponsive, "inconsciente|desmayado|desmayada|desmayó|desmayo"),
        Report(AllergicSwelling, "hinchando|hinchada|hinchado|hincha|hinchó|inflamando *3 garganta|lengua|cara|labios|boca"),
        Report(AllergicSwelling, "cierra|cerrando *2 garganta"),
        Report(Overdose, "niño|niña|nino|nina|hijo|hija|bebé|bebe|nieto|nieta|perro|perra|perrito|gato|gata|gatito *6 comió|comio|tomó|tomo|tragó|trago|mordió|mordio|lamió|lamio *4 pastilla|pastillas|tableta|tabletas|baclofen|baclofeno|jarabe|medicina"),
        Report(Overdose, "se *1 comió|comio|tomó|tomo|tragó|trago *2 todo|todas|todos|muchas|varias|demasiadas|frasco *3 pastillas|baclofen|baclofeno|frasco|tabletas"),

        // ---- Severe withdrawal ----------------------------------------------------------
        Topic(SevereWithdrawal, "WITHDRAWAL"),
        QuestionTopic(SevereWithdrawal, "STOP|stopping|quit|quitting|coming|come *4 suddenly|abruptly|turkey|once|immediately"),
        Topic(SevereWithdrawal, "HALLUCINATE"),

        // ---- Harmless look-alikes --------------------------------------------------------
        Veto("SEIZE up|my|the|it|on"),
        Veto("choking|choked back|up|hazard"),
        Veto("dying|died to|for"),
        Veto("BREATHE exercises|exercise|techniques|technique|space|room|test|tests|freshener|mints|mint"),
        Veto("deep|fresh BREATHE"),
        Veto("BREATHE fine|normally|normal|ok|okay|easier|easily|better|great"),
        // "breathing well" hides only the breathing reading: "cant breathe well, hives" is still anaphylaxis.
        Veto("BREATHE well", Breathing),
        Veto("no|not|without|any trouble|problem|problems|issues|issue|difficulty|difficulties BREATHE"),
        Veto("leg|legs|knee|knees|back|arm|arms|ankle|ankles|hip|hips|vein|veins|lung|lungs|tent|deal|plans|market|company|shelf|roof gave|collapsed|collapse|collapsing|way"),
        Veto("fitting in|into|room|for|appointment|appt|well|the|a|his|her|my|new|splint|splints|brace|perfectly|nicely"),
        Veto("fits|fit in|into *1 the|my|a|your|his|her|our|their|with"),
        // "a fit the first time" is a seizure; "fits the bill" is not: the idioms are named, not every "fit the".
        Veto("fits|fit with|me|him|her|well|better|right|perfectly|nicely|fine|my|his|your|our|of|for|to|enough|and"),
        Veto("fits|fit the bill|description|profile|criteria|mould|mold|brief|picture"),
        // A danger word used as a noun modifier names a condition or its care, not an event:
        // "my seizure meds", "seizure-free", "breathing treatments", "the overdose clinic".
        // Possessed, it is someone's condition or care ("my seizure meds", "her seizure doctor"); a
        // general question about it ("seizure meds like keppra?") still names the card word.
        Veto("my|his|her|their|our|your SEIZURE|SEIZE|CONVULSION|BREATHE|fits meds|med|medication|medications|medicine|medicines|doctor|doctors|specialist|neurologist|nurse|clinic|drug|drugs|pills|tablets|prescription|prescriptions|treatment|treatments|exercises|exercise|plan|diary|log|alert|machine|mask|dog|pharmacy"),
        Veto("BREATHE treatment|treatments|machine|mask|nebuliser|nebulizer|therapist|therapy"),
        // Habitual or long past: "used to have fits as a child" (a child's fits are as often
        // tantrums); "used to have seizures as a kid" is history, asked about, not an event now.
        Veto("used|use to *4 fits|fit|fitting|pass|faint|collapse"),
        Veto("fits|fit *3 as a child|kid|teen|teenager|baby|toddler|youngster|boy|girl"),
        Veto("fits|fit *3 when i|she|he|they was|were little|young|small|a|younger|growing"),
        // Sleep, not collapse: "passed out on the couch ... slept 10 hours, feeling great".
        Veto("passed|pass|passing out *8 slept|napped", Unresponsive),
        Veto("passed|pass|passing out *12 feeling|feel|felt|woke great|fine|refreshed|rested", Unresponsive),
        // Hyperbole: "hugged me so hard I couldn't breathe lol".
        Veto("hugged|hug|hugging|hugs|squeezed|squeezing|laughed|laughing|laugh|giggling|giggled *6 BREATHE", Breathing),
        Veto("BREATHE *3 lol|lmao|haha|hahaha|lolol|rofl", Breathing),
        // Hyperbole about someone's future reaction: "my boss is going to have a seizure when he sees it haha".
        Veto("going|gonna|will|would|gunna *2 have|throw a? SEIZURE|fit|fits|convulsion|stroke|heart *2 when|if|once|after", Seizure),
        Veto("SEIZURE|fit|fits|convulsion *10 lol|lmao|haha|hahaha|lolol|rofl|jk|joking|kidding", Seizure),
        Veto("passed|pass|passing out|fainted|collapsed *10 lol|lmao|haha|hahaha|lolol|rofl|jk|napping|nap|snoring|sleeping|asleep", Unresponsive),
        Veto("fainted|collapsed|fainting *10 lol|lmao|haha|hahaha|lolol|rofl|jk", Unresponsive),
        // Said as a figure of speech: "I feel like I'm dying from these spasms (not literally lol)".
        Veto("DIE|dying *8 not literally|figuratively|lol|lmao|haha|jk"),
        // A blocked nose is not a blocked airway: "I can't breathe through my nose with my allergies".
        Veto("BREATHE through|thru *1 nose|nostril|nostrils", Breathing),
        // A pill that went down the wrong way for a moment: "I choked a little swallowing my pill".
        Veto("choked|choking|choke a? little|bit|slightly|briefly", Breathing),
        // A swelling with a named, unrelated cause: "face swelled up after the dentist pulled a tooth, unrelated".
        Veto("SWELL *8 dentist|dental|tooth|teeth|extraction|wisdom|unrelated|sting|stung|bee|wasp|punch|punched|fell|fall|bump|bumped", AllergicSwelling),
        Veto("unrelated|not related *8 SWELL", AllergicSwelling),
        // An age, not an amount: "my gran lived to 95".
        Veto("lived|live|living to|till|until|past #"),
        Veto("SEIZURE free"),
        Veto("RESPOND *2 to *3 PILL|treatment|therapy|it|dose|doses|injections|injection|pump|physio|physiotherapy|message|messages|texts|text|email|emails|calls"),
        Veto("pass|passed|passing out *2 PILL|leaflets|flyers|papers|cards|sweets|candy"),
        Veto("knocks|knock|knocked|knocking *1 me|him|her|you out"),
        Veto("NEG|hard|difficult|trouble|struggle|struggling *2 wake|waking up? in|on|at|early|before|until|till|for|without|feeling|most|every|when|anymore|easily|properly|these|the|after|til|groggy|this|today|yesterday|mornings|night|nights|anymore", Unresponsive),
        Veto("RESPOND *2 question|questions|phone|calls|call|emails|email|messages|message|texts|text|door|letter|letters|survey"),
        Veto("no RESPOND from|yet"),
        Veto("the|in end"),
        Veto("emergency refill|refills|supply|prescription|contraception|contact|contacts|card|kit|plan|number|numbers|dentist|appointment"),
        Veto("end of|my|the|his|her|your|our|their|this|that *1 PILL|CONTAINER|treatment|course|dose|day|week|month|year|shift|prescription|appointment"),
        Veto("saved|saving|save up|enough for|to buy|on|money|cash"),
        Veto("saved|saving|save money|cash|on|a|by|time|some|me|my|us|it|them|the|up"),
        Veto("enough sleep|money|time|water|food|energy|rest"),
        Veto("cant|cannot|couldnt take *2 PILL|tablets|it|them anymore *1 because|since|as|cos|cause|coz|it|its"),
        Veto("ate|eat|eaten|eating *2 before|after|with|and|then|food|dinner|lunch|breakfast"),
        Veto("blue PILL|one|ones|colour|color|coloured|colored|badge|tooth|sky|eyes|jeans|shirt|car"),
        Veto("out cold turkey"),
        Veto("dying|die|died of|from boredom|laughter|laughing|embarrassment|heat|cold|thirst|hunger|curiosity|shame"),
        Veto("floor|ground *1 doing|playing|exercising|stretching|sitting|reading|watching|working|cleaning|practising|practicing", Unresponsive),
        Veto("pulse in|on|at *2 foot|feet|ankle|ankles|leg|legs|arm|arms|hand|hands|toe|toes|wrist|neck", Breathing),
        Veto("confused|confusing|confusion about|by|with|over|as|how|why|what|which|when|whether|re|regarding|on"),
        Veto("collapsed|collapse|collapsing|collapses into|onto|in *1 bed"),
        Veto("killing|killed|kills me|my|it"),
        Veto("poison ivy|oak"),
        Veto("shelf life"),
        // "OD" on a label is "once daily": "baclofen 10mg od", "what does OD mean".
        Veto("mg|mgs|ml|tablet|tablets|tab|tabs|daily od|bd|tds|qds"),
        Veto("od mean|means|stand|stands"),
        Veto("hope|hoping|hopefully *2 NEG *1 wake", Unresponsive),
        // "not an emergency, just a question", "no emergency": said to reassure, not to alarm.
        Veto("not|no|isnt|nothing|aint *1 an|a? emergency|urgent|emergencies"),
        // The word as a modifier names a subject, not an event: "an overdose drill", "self-harm awareness".
        Veto("OVERDOSE|harm drill|drills|management|question|questions|prevention|training|awareness|course|lecture|class|essay|epidemic|crisis|statistics|stats|kit|policy|protocol|simulation|scenario|stories|story|documentary|module"),
        // "almost passed out at the price", "nearly fainted": it did not happen.
        Veto("almost|nearly|practically passed|fainted|fainting|collapsed|died|choked|blacked"),
        Veto("cut|cutting|nicked SELF shaving|cooking|chopping|on|while|with|by|accidentally|gardening"),
        Veto("rather DIE than take|have|go|do|eat|use|try|switch|wear|see|pay|sit|wait"),
        Veto("food|lead|carbon|blood|alcohol|salmonella poisoning"),
        Veto("od *4 optometrist|optometry|eye|eyes|vision"),
        Veto("choked|choking on *2 water|food|drink|coffee|tea|laughing|spit|saliva|crumb|crumbs"),
        Veto("hurt|hurting|hurted SELF laughing|lifting|moving|gardening|exercising|at|playing"),

        // ---- Worry and prevention: the topic, not the event --------------------------------
        // Prevention asked about: "how do I stop my kid from getting into the medicine cabinet".
        Hypothetical("used|use to *4 SEIZURE|SEIZE|CONVULSION|CONVULSE|BREATHE|UNCONSCIOUS"),
        Hypothetical("SEIZURE|SEIZE|CONVULSION *3 as a child|kid|teen|teenager|baby|toddler|youngster"),
        Hypothetical("SEIZURE|SEIZE|CONVULSION *3 when i|she|he|they was|were little|young|small|a|younger|growing"),
        Hypothetical("stop|keep|prevent|stopping|keeping|preventing|stops|keeps *4 from getting|reaching|opening|eating|grabbing|swallowing|taking|climbing|finding"),
        Hypothetical("worried|worry|worrying|scared|afraid|concerned|fear|fearful|nervous|anxious|terrified|paranoid|avoid|avoiding|prevent|preventing|risk about|of|that? *2 OVERDOSE|SEIZURE|CONVULSION|WITHDRAWAL|SUICIDE|POISON"),
        Veto("bad|morning BREATHE"),
        Veto("BREATHE smells|smell|stinks|odor|odour|freshener"),
        Veto("legs|leg|muscles|muscle|back|calf|calves|hamstrings|hamstring|arm|arms|hand|hands|feet|foot|neck|jaw|joints|body *2 SEIZE"),
    ];

    private static Rule Report(EmergencyCategory category, string pattern, NegationPolicy? negation = null)
        => new(category, RuleKind.Report, new Pattern(pattern), negation ?? DefaultNegation(category));

    private static Rule Topic(EmergencyCategory category, string pattern)
        => new(category, RuleKind.Topic, new Pattern(pattern), DefaultNegation(category));

    private static Rule QuestionTopic(EmergencyCategory category, string pattern)
        => new(category, RuleKind.QuestionTopic, new Pattern(pattern), DefaultNegation(category));

    private static Rule Hypothetical(string pattern)
        => new(default, RuleKind.Hypothetical, new Pattern(pattern), NegationPolicy.Honour);

    /// <param name="only">When given, the look-alike only hides evidence of this category:
    /// "I can't wake up in the mornings" is no unresponsive person, but "I wish I didn't wake
    /// up this morning" is still self-harm.</param>
    private static Rule Veto(string pattern, EmergencyCategory? only = null)
        => new(only ?? default, RuleKind.Veto, new Pattern(pattern), NegationPolicy.Honour) { VetoesOnly = only };

    // A denial is honoured only where it describes an observable, reassuring state of someone
    // else ("he's breathing fine", "no seizures"). A denied overdose, self-harm thought,
    // withdrawal or unconsciousness ("he isn't unconscious, just very sleepy") is still answered
    // with the emergency text: people minimise exactly these.
    private static NegationPolicy DefaultNegation(EmergencyCategory category) => category switch
    {
        Seizure or Breathing or AllergicSwelling => NegationPolicy.Honour,
        _ => NegationPolicy.Distrust,
    };
}
