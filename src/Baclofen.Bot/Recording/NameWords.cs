namespace Baclofen.Bot.Recording;

/// <summary>
/// What the <see cref="Redactor"/> needs to tell a name from an ordinary word after "I'm", "this
/// is" or before "here": common given names (so "i'm dave" is caught in lower case), and common
/// words that follow those phrases in questions about a medicine ("I'm taking", "I am worried",
/// "I'm on", "pain here"). A word in neither list counts as a name when capitalised: when in doubt
/// the log loses a word, not a patient's privacy.
/// </summary>
internal static class NameWords
{
    public static readonly HashSet<string> GivenNames = new(Split("""
        aaron abigail adam adrian aidan alan albert alejandro alex alexander alexandra alice alicia alison amanda amber amy ana
        andrea andrew angela anita ann anna anne annie anthony antonio april arthur ashley barbara ben benjamin beth betty beverly
        bill billy bob bobby brandon brenda brian bruce bryan caleb carl carla carlos carmen carol caroline carolyn catherine cathy
        cedric charles charlie charlotte cheryl chris christian christina christine christopher cindy claire claudia colin connor
        craig crystal cynthia dan daniel daniela danielle david dave dawn debbie deborah debra denise dennis derek diana diane
        diego dolores dominic don donald donna doris dorothy doug douglas dylan ed eddie edward elena elizabeth ellen emily emma
        eric erica erin ethan eugene eva evelyn frances francisco frank fred gabriel gabriela gary george gerald gloria grace
        greg gregory hannah harold harry heather helen henry holly howard ian isabel isabella jack jacob jacqueline james jamie
        jan jane janet janice jason javier jean jeff jeffrey jennifer jenny jeremy jerry jesse jessica jesus jill jim jimmy
        joan joe joel john johnny jon jonathan jorge jose joseph josh joshua joyce juan judith judy julia julie justin karen
        kate katherine kathleen kathryn kathy katie keith kelly ken kenneth kevin kim kimberly kyle larry laura lauren lawrence
        leah lee leo leslie linda lisa liz logan lori louis lucas lucia luis luke lynn madison manuel marcus margaret maria
        marie marilyn mario mark martha martin mary matt matthew megan melissa michael michelle miguel mike molly monica nancy
        natalie nathan neal ned nicholas nick nicole noah norma olivia oscar pablo pam pamela patricia patrick paul paula pedro
        peggy peter phil philip phillip rachel ralph randy raquel ray raymond rebecca richard rick rita rob robert roberto robin
        rodrigo roger ron ronald rosa rose ruth ryan sally sam samantha samuel sandra sara sarah scott sean sergio sharon
        shirley sofia sophia stephanie stephen steve steven sue susan teresa terry theresa thomas tim timothy tina todd tom
        tommy tony tracy tyler valerie vanessa victor victoria vincent virginia walter wayne wendy william willie zach zachary
        """), StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> Common = new(Split("""
        a about above absolutely across actually addicted after afraid again against ago aged ahead alcoholic alive all allergic
        allowed almost alone along already alright also always am an and annoyed another anxious any anyone anything are around
        as asking asleep at attempting available awake aware away back bad baclofen based basically be because becoming bedridden
        been before behind being better between beyond big bit bored both bothered breastfeeding brief bring broke busy but by
        call calling can cant carer caregiver careful certain checking chronic clear clinic close coming concerned confused
        considering constantly constipated contacting continuing could curious currently daily dead dealing desperate did
        different disabled dizzy do doctor does doing done down dr drinking driving drowsy drunk due during each early easy
        either elderly else emergency enough epileptic even ever every exhausted expecting experiencing extremely family fasting
        feeling female few fine finished first for forgetful forgetting free frequently from frustrated full furious gay getting
        glad going gonna good got grateful guessing had half happy hard has hate have having he headed healthy hearing heavy
        hello help helping her here hey hi him his home hoping hospital hot how however hungry hurt hurting i if ill im in
        incontinent interested into intrathecal is it its just keen kind kinda late lately later less like likely little living
        looking lost lot low mad made male many married may maybe me mean meant menopausal mid might mildly mine missing mom more
        most mostly mother mr mrs ms much mum must my myself nauseous nauseated near nearly need needing nervous never new next
        nice no nodding none nonverbal normal not nothing now nurse nursing of off often oh ok okay old older on once one only
        onto or other otherwise our out over overweight pain paralysed paralyzed paraplegic part past patient perfectly
        pharmacist planning please pregnant prescribed pretty prof probably quadriplegic quite rather ready really receiving
        recovering reading recently relieved retired right sad safe same scared second seeing seriously she shocked should sick
        similar since single sleepy slightly slow so some somebody someone something sometimes soon sorry spastic starting
        staying still stopping stressed struggling stuck such sure supposed surprised switching taking talking tapering than
        thank thanks that the their them then there these they thinking this those though through thrilled tired to today told
        tomorrow too totally trying twice type unable under underweight unsure unwell up upset us using usually very waiting
        wanting was we weaning weak week well were what wheelchair when where which while who why will wired with without
        wondering worried worse would wrong yes yet you young your yours
        y pero tengo de la el los las que como cómo con por para una un es estoy quiero puedo hola gracias tomo muy bien mal
        alérgico alérgica diabético diabética embarazada paciente nuevo nueva mayor menor madre padre hijo hija enfermo enferma
        milk sauce protein products beans lecithin free sensitive intolerant
        said says say told tells think thinks want wants gave gives give put puts suggest suggests ask asks asked says
        recommends prescribes wrote writes knows know let lets left right asap anytime tonight whenever sometime
        lioresal gablofen ozobax lyvispah fleqsuvy kemstro tizanidine zanaflex gabapentin neurontin lyrica pregabalin valium
        diazepam tylenol advil ibuprofen aspirin botox xanax ativan oxycodone tramadol cymbalta zoloft prozac
        """), StringComparer.OrdinalIgnoreCase);

    private static string[] Split(string words) =>
        words.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
