using System.Text;

namespace DisclosurePortal.Domain.Search;

/// <summary>
/// The words the search index keeps of a text, and the phrase a query word becomes (issue 22, docs/adr/0041): the way
/// the CJK analyzers of Lucene and Elasticsearch read Chinese, which has no spaces between words. The text is first
/// brought to NFKC (full-width letters and digits become ASCII) and lower case; then
/// <list type="bullet">
/// <item>a run of 汉字 (or kana, 한글) becomes its overlapping pairs of characters, then its last character alone:
/// 农村危房 → 农村 村危 危房 房. Every character thus starts exactly one token, so a one-character query is a prefix
/// search (房*), a two-character word is one token and a longer word a phrase of consecutive pairs;</item>
/// <item>a run of digits is one token, a run of letters (Latin, Greek, Cyrillic) another: ISO9001 → iso 9001;</item>
/// <item>everything else (spaces, punctuation, brackets, symbols) only separates tokens.</item>
/// </list>
/// The same rule is written once more, in SQL, for PostgreSQL (<c>SearchIndexSql</c>, function "SearchTokens"); a test
/// compares the two on awkward text. SQLite calls this class from its triggers.
/// </summary>
public static class SearchTokens
{
    /// <summary>The kind of a token, which decides how a query matches it.</summary>
    public enum Kind
    {
        /// <summary>Two characters of a CJK run.</summary>
        Pair,

        /// <summary>The last character of a CJK run (the whole run when it has one character).</summary>
        Single,

        Digits,
        Letters,
    }

    public readonly record struct Token(string Text, Kind Kind);

    /// <summary>The tokens of a text, in order, as the index keeps them.</summary>
    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var normal = Normal(text);
        var runes = normal.EnumerateRunes().ToArray();
        var i = 0;
        while (i < runes.Length)
        {
            var cls = ClassOf(runes[i]);
            if (cls is CharClass.Other) { i++; continue; }
            var end = i + 1;
            while (end < runes.Length && ClassOf(runes[end]) == cls) end++;
            if (cls is CharClass.Cjk)
            {
                for (var k = i; k < end; k++)
                {
                    tokens.Add(k + 1 < end
                        ? new Token(string.Concat(runes[k].ToString(), runes[k + 1].ToString()), Kind.Pair)
                        : new Token(runes[k].ToString(), Kind.Single));
                }
            }
            else
            {
                var sb = new StringBuilder();
                for (var k = i; k < end; k++) sb.Append(runes[k].ToString());
                tokens.Add(new Token(sb.ToString(), cls is CharClass.Digit ? Kind.Digits : Kind.Letters));
            }
            i = end;
        }
        return tokens;
    }

    /// <summary>The tokens separated by spaces: what SQLite's FTS5 table (tokenizer unicode61) is given to index.</summary>
    public static string Join(string? text)
    {
        var tokens = Tokenize(text);
        return tokens.Count == 0 ? string.Empty : string.Join(' ', tokens.Select(t => t.Text));
    }

    /// <summary>
    /// A query word as the consecutive tokens an entry must contain: the word's tokens, except that a lone CJK character
    /// that ends the word is dropped when other tokens come before it (通知 → 通知, not 通知 知, which would not match
    /// 通知书; 青住建发〔2026〕28号 → … 2026 28: the prefix 号* would merge the lists of every pair starting with 号, a
    /// tenth of a second at a million entries, to check one character). The word's last token is a prefix when it is a
    /// CJK character alone (税 → 税*, every token starting with 税) or letters (iso → iso*); digits match exactly (28 is
    /// not 280). Empty when the word has nothing the index keeps (only symbols, or a script it does not read).
    /// </summary>
    public static QueryPhrase Phrase(string word)
    {
        var tokens = Tokenize(word);
        if (tokens.Count >= 2 && tokens[^1].Kind is Kind.Single) tokens.RemoveAt(tokens.Count - 1);
        var prefix = tokens.Count > 0 && tokens[^1].Kind is Kind.Single or Kind.Letters;
        return new QueryPhrase(tokens.Select(t => t.Text).ToList(), prefix);
    }

    /// <summary>The consecutive tokens a query word must match, the last one as a prefix when <see cref="LastIsPrefix"/>.</summary>
    public sealed record QueryPhrase(IReadOnlyList<string> Tokens, bool LastIsPrefix)
    {
        public bool IsEmpty => Tokens.Count == 0;

        /// <summary>FTS5 syntax: each token a quoted string (they never contain a quote), joined by + (a phrase), * for a prefix.</summary>
        public string ToFts5() => string.Join(" + ", Tokens.Select((t, i) => "\"" + t + "\"" + (LastIsPrefix && i == Tokens.Count - 1 ? " *" : "")));

        /// <summary>PostgreSQL tsquery syntax: each token a quoted lexeme, joined by &lt;-&gt; (followed by), :* for a prefix.</summary>
        public string ToTsQuery() => string.Join(" <-> ", Tokens.Select((t, i) => "'" + t + "'" + (LastIsPrefix && i == Tokens.Count - 1 ? ":*" : "")));
    }

    /// <summary>True when the word is one run of 汉字 (or kana, 한글) and nothing else.</summary>
    public static bool IsOneCjkRun(string word) =>
        word.Length > 0 && Normal(word).EnumerateRunes().All(r => ClassOf(r) is CharClass.Cjk);

    /// <summary>NFKC, then lower case: the form in which text is tokenized.</summary>
    public static string Normal(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private enum CharClass { Other, Cjk, Digit, Letter }

    // The classes as ranges of code points, written identically in SearchIndexSql's PostgreSQL function: not the
    // runtime's Unicode categories, which the database's locale might not share.
    private static CharClass ClassOf(Rune r)
    {
        var c = r.Value;
        if (c is >= '0' and <= '9') return CharClass.Digit;
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= 0xC0 and <= 0xD6 or >= 0xD8 and <= 0xF6 or >= 0xF8 and <= 0x24F
            or >= 0x370 and <= 0x3FF or >= 0x400 and <= 0x4FF)
            return CharClass.Letter;
        if (c is 0x3005 or 0x3007 or >= 0x3040 and <= 0x30FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF
            or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F)
            return CharClass.Cjk;
        return CharClass.Other;
    }

    /// <summary>The character classes as a regular-expression alternation for PostgreSQL (CJK runs, digit runs, letter runs).</summary>
    public const string PostgresRunPattern =
        @"[\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]+|[0-9]+|[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff]+";

    /// <summary>A PostgreSQL pattern true for a run of digits or letters (a run that stays one token).</summary>
    public const string PostgresWordRunStart = @"^[0-9a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff]";
}
