namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Martin Porter's 1980 suffix-stripping algorithm, following his reference C implementation as
/// Lucene's PorterStemmer does (so "bli"→"ble" and "logi"→"log" in step 2, which differ from the
/// paper). Input is expected lower-case; words of one or two letters are left alone.
/// </summary>
/// <remarks>Written from the published algorithm; the word is a char buffer b[0..k] with j the
/// end of the stem when a suffix test succeeds, as in the reference code.</remarks>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2) return word;
        foreach (var c in word)
            if (c < 'a' || c > 'z') return word; // numbers, accents, apostrophes: not English suffixes

        if (Memo.TryGetValue(word, out var known)) return known;
        var s = new State(word);
        s.Step1ab();
        s.Step1c();
        s.Step2();
        s.Step3();
        s.Step4();
        s.Step5();
        var stem = word.AsSpan().SequenceEqual(s.B.AsSpan(0, s.K + 1)) ? word : new string(s.B, 0, s.K + 1);
        if (Interlocked.Increment(ref _memoized) <= MemoCapacity) Memo.TryAdd(word, stem);
        return stem;
    }

    // Every message is stemmed word by word, and the words repeat ("baclofen", "take", "dose"):
    // stems of the first few thousand distinct words are kept (a pure function of the word, so
    // nothing changes but the time). Bounded, since users can type any word.
    private const int MemoCapacity = 8192;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Memo = new(StringComparer.Ordinal);
    private static int _memoized;

    private sealed class State(string word)
    {
        public readonly char[] B = word.ToCharArray();
        public int K = word.Length - 1;
        private int _j;

        private bool IsConsonant(int i) => B[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m, the number of VC sequences in b[0.._j]: [C](VC)^m[V].</summary>
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j) return n;
                if (!IsConsonant(i)) break;
                i++;
            }
            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j) return n;
                    if (IsConsonant(i)) break;
                    i++;
                }
                i++;
                n++;
                while (true)
                {
                    if (i > _j) return n;
                    if (!IsConsonant(i)) break;
                    i++;
                }
                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
                if (!IsConsonant(i)) return true;
            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && B[j] == B[j - 1] && IsConsonant(j);

        /// <summary>*o: b[i-2..i] is consonant-vowel-consonant and the last is not w, x or y.</summary>
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2)) return false;
            return B[i] is not ('w' or 'x' or 'y');
        }

        private bool Ends(string suffix)
        {
            var length = suffix.Length;
            if (length > K + 1) return false;
            for (var i = 0; i < length; i++)
                if (B[K - length + 1 + i] != suffix[i]) return false;
            _j = K - length;
            return true;
        }

        private void SetTo(string replacement)
        {
            for (var i = 0; i < replacement.Length; i++)
                B[_j + 1 + i] = replacement[i];
            K = _j + replacement.Length;
        }

        private void ReplaceIfMeasured(string replacement)
        {
            if (Measure() > 0) SetTo(replacement);
        }

        /// <summary>Plurals and -ed/-ing: caresses→caress, ponies→poni, hopping→hop, filing→file.</summary>
        public void Step1ab()
        {
            if (B[K] == 's')
            {
                if (Ends("sses")) K -= 2;
                else if (Ends("ies")) SetTo("i");
                else if (B[K - 1] != 's') K--;
            }
            if (Ends("eed"))
            {
                if (Measure() > 0) K--;
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                K = _j;
                if (Ends("at")) SetTo("ate");
                else if (Ends("bl")) SetTo("ble");
                else if (Ends("iz")) SetTo("ize");
                else if (DoubleConsonant(K))
                {
                    K--;
                    if (B[K] is 'l' or 's' or 'z') K++;
                }
                else if (MeasureAt(K) == 1 && Cvc(K))
                {
                    SetTo("e");
                }
            }
        }

        private int MeasureAt(int end)
        {
            _j = end;
            return Measure();
        }

        /// <summary>Terminal y → i when there is another vowel in the stem: happy→happi, sky stays.</summary>
        public void Step1c()
        {
            if (Ends("y") && VowelInStem()) B[K] = 'i';
        }

        /// <summary>Double suffixes to single ones, when m &gt; 0: relational→relate.</summary>
        public void Step2()
        {
            if (K == 0) return;
            switch (B[K - 1])
            {
                case 'a':
                    if (Ends("ational")) { ReplaceIfMeasured("ate"); break; }
                    if (Ends("tional")) { ReplaceIfMeasured("tion"); break; }
                    break;
                case 'c':
                    if (Ends("enci")) { ReplaceIfMeasured("ence"); break; }
                    if (Ends("anci")) { ReplaceIfMeasured("ance"); break; }
                    break;
                case 'e':
                    if (Ends("izer")) { ReplaceIfMeasured("ize"); break; }
                    break;
                case 'l':
                    if (Ends("bli")) { ReplaceIfMeasured("ble"); break; }
                    if (Ends("alli")) { ReplaceIfMeasured("al"); break; }
                    if (Ends("entli")) { ReplaceIfMeasured("ent"); break; }
                    if (Ends("eli")) { ReplaceIfMeasured("e"); break; }
                    if (Ends("ousli")) { ReplaceIfMeasured("ous"); break; }
                    break;
                case 'o':
                    if (Ends("ization")) { ReplaceIfMeasured("ize"); break; }
                    if (Ends("ation")) { ReplaceIfMeasured("ate"); break; }
                    if (Ends("ator")) { ReplaceIfMeasured("ate"); break; }
                    break;
                case 's':
                    if (Ends("alism")) { ReplaceIfMeasured("al"); break; }
                    if (Ends("iveness")) { ReplaceIfMeasured("ive"); break; }
                    if (Ends("fulness")) { ReplaceIfMeasured("ful"); break; }
                    if (Ends("ousness")) { ReplaceIfMeasured("ous"); break; }
                    break;
                case 't':
                    if (Ends("aliti")) { ReplaceIfMeasured("al"); break; }
                    if (Ends("iviti")) { ReplaceIfMeasured("ive"); break; }
                    if (Ends("biliti")) { ReplaceIfMeasured("ble"); break; }
                    break;
                case 'g':
                    if (Ends("logi")) { ReplaceIfMeasured("log"); break; }
                    break;
            }
        }

        /// <summary>-ic-, -full, -ness etc., when m &gt; 0: hopeful→hope, goodness→good.</summary>
        public void Step3()
        {
            switch (B[K])
            {
                case 'e':
                    if (Ends("icate")) { ReplaceIfMeasured("ic"); break; }
                    if (Ends("ative")) { ReplaceIfMeasured(""); break; }
                    if (Ends("alize")) { ReplaceIfMeasured("al"); break; }
                    break;
                case 'i':
                    if (Ends("iciti")) { ReplaceIfMeasured("ic"); break; }
                    break;
                case 'l':
                    if (Ends("ical")) { ReplaceIfMeasured("ic"); break; }
                    if (Ends("ful")) { ReplaceIfMeasured(""); break; }
                    break;
                case 's':
                    if (Ends("ness")) { ReplaceIfMeasured(""); break; }
                    break;
            }
        }

        /// <summary>Strips -ant, -ence, -ment etc. when m &gt; 1: adjustment→adjust.</summary>
        public void Step4()
        {
            if (K == 0) return;
            var matched = B[K - 1] switch
            {
                'a' => Ends("al"),
                'c' => Ends("ance") || Ends("ence"),
                'e' => Ends("er"),
                'i' => Ends("ic"),
                'l' => Ends("able") || Ends("ible"),
                'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
                'o' => (Ends("ion") && _j >= 0 && B[_j] is 's' or 't') || Ends("ou"),
                's' => Ends("ism"),
                't' => Ends("ate") || Ends("iti"),
                'u' => Ends("ous"),
                'v' => Ends("ive"),
                'z' => Ends("ize"),
                _ => false,
            };
            if (matched && Measure() > 1) K = _j;
        }

        /// <summary>Removes a final -e when m &gt; 1 (or m = 1 and not *o), and -ll → -l when m &gt; 1.</summary>
        public void Step5()
        {
            _j = K;
            if (B[K] == 'e')
            {
                var m = MeasureAt(K - 1);
                if (m > 1 || (m == 1 && !Cvc(K - 1))) K--;
            }
            if (B[K] == 'l' && DoubleConsonant(K) && MeasureAt(K) > 1) K--;
        }
    }
}
