namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// What the visitor typed, as the words to look for: split at spaces, each word to be found as typed (its tokens in a
/// row, <see cref="Domain.Search.SearchTokens.Phrase"/>) in the title, 文号, 索引号 or body. Nothing of it is ever query
/// syntax: the index queries are built from the tokens, which are only letters, digits and 汉字 (docs/adr/0041).
/// </summary>
public sealed class SearchTerms
{
    public const int MaxLength = 100; // the messages below name these numbers
    public const int MaxTerms = 10;

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
