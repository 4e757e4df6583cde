using System.Text;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// What the visitor typed, as the words to look for: split at spaces, each word to be found as typed (a substring,
/// case-insensitively) in the title, 文号, 索引号 or body. Nothing of it is ever query syntax: the FTS5 query quotes each
/// word as a string, and LIKE patterns escape their wildcards (docs/adr/0009).
/// </summary>
public sealed class SearchTerms
{
    public const int MaxLength = 100; // the messages below name these numbers
    public const int MaxTerms = 10;

    /// <summary>The trigram tokenizer (and pg_trgm) index runs of three characters: shorter words are looked for with LIKE.</summary>
    public const int IndexedLength = 3;

    // Quotes and sentence punctuation around a word are dropped (“危房改造”, 危房改造。); brackets of a 文号 are kept.
    private const string EdgePunctuation = "\"'“”‘’「」『』,.;:!?，。、；：！？…";

    private SearchTerms(string text, IReadOnlyList<string> words, string? standardised = null)
    {
        Text = text;
        Words = words;
        Standardised = standardised;
    }

    /// <summary>
    /// The query as searched when a 文号 or 索引号 in it was written otherwise than it is stored (<c>青住建发[2026]28号</c>
    /// → <c>青住建发〔2026〕28号</c>, <see cref="Domain.Search.DocumentNumbers"/>); null when it was searched as typed.
    /// </summary>
    public string? Standardised { get; }

    /// <summary>The query as it will be shown back (trimmed).</summary>
    public string Text { get; }

    /// <summary>The words to find, each at least one letter or digit, no duplicates.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Reads a query, or says in Chinese why it cannot be searched (a localizer key, with its arguments).</summary>
    public static bool TryParse(string? raw, out SearchTerms terms, out string? error)
    {
        terms = new SearchTerms(string.Empty, []);
        var text = (raw ?? string.Empty).Trim();
        if (text.Length == 0) { error = "请输入要搜索的关键词。"; return false; }
        if (text.Length > MaxLength) { error = "关键词不能超过 100 个字。"; return false; }
        if (text.Any(char.IsControl) || !IsWellFormed(text)) { error = "关键词含有无法识别的字符。"; return false; }

        // 文号 and 索引号 in any brackets, widths and spacing are looked for as stored (issue 22).
        var standardised = Domain.Search.DocumentNumbers.NormaliseQuery(text);
        var words = new List<string>();
        foreach (var part in (standardised ?? text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = part.Trim(EdgePunctuation.ToCharArray());
            if (!word.Any(char.IsLetterOrDigit)) continue; // only punctuation: nothing to look for
            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase)) words.Add(word);
        }
        if (words.Count == 0) { error = "请输入文字或数字，只有标点符号无法搜索。"; return false; }
        if (words.Count > MaxTerms) { error = "关键词最多 10 个（以空格分隔）。"; return false; }
        terms = new SearchTerms(text, words, standardised);
        error = null;
        return true;
    }

    /// <summary>Characters, not UTF-16 units: 𠀀 is one character, as it is to the tokenizer.</summary>
    public static int CharacterCount(string word) => word.EnumerateRunes().Count();

    public static bool IsIndexed(string word) => CharacterCount(word) >= IndexedLength;

    /// <summary>
    /// True when no character of the word has case (汉字, digits, punctuation): lower-casing the text cannot change
    /// whether it contains the word, so the database can look for the word's bytes without lower-casing every body.
    /// </summary>
    public static bool IsCaseless(string word) =>
        word.EnumerateRunes().All(r => !Rune.IsLetter(r) || (Rune.ToLowerInvariant(r) == r && Rune.ToUpperInvariant(r) == r));

    /// <summary>An FTS5 string: the word in double quotes, a double quote inside it doubled. Never bare syntax.</summary>
    public static string Fts5String(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A LIKE pattern that finds the word anywhere, its wildcards and the escape character escaped (ESCAPE '\').</summary>
    public static string LikeContains(string word)
    {
        var sb = new StringBuilder(word.Length + 2).Append('%');
        foreach (var c in word)
        {
            if (c is '%' or '_' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('%').ToString();
    }

    private static bool IsWellFormed(string text)
    {
        // A lone surrogate cannot be stored or matched; reject it like any other unreadable character.
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
