namespace DisclosurePortal.Domain.Participation;

/// <summary>
/// 敏感词: a message or comment containing one is held for the office's moderation instead of being refused, so that
/// nobody is silenced by a word list and nothing unsuitable is shown before a person has looked at it. Matching is
/// case-insensitive and ignores the spaces and punctuation people put between characters to get past a list.
/// </summary>
public sealed class SensitiveWords
{
    public const int MaxWordLength = 50;

    private readonly IReadOnlyList<(string Word, string Folded)> _words;

    public SensitiveWords(IEnumerable<string> words)
    {
        _words = words.Select(w => w.Trim()).Where(w => w.Length > 0)
            .Select(w => (w, Fold(w))).Where(x => x.Item2.Length > 0)
            .DistinctBy(x => x.Item2, StringComparer.Ordinal).ToList();
    }

    public static SensitiveWords None { get; } = new([]);

    /// <summary>The listed words that occur in any of <paramref name="texts"/>, as listed; empty when none.</summary>
    public IReadOnlyList<string> Find(params string?[] texts)
    {
        var folded = string.Join("\n", texts.Where(t => t is not null).Select(t => Fold(t!)));
        return _words.Where(w => folded.Contains(w.Folded, StringComparison.Ordinal)).Select(w => w.Word).ToList();
    }

    /// <summary>Lower case, without whitespace, punctuation and symbols.</summary>
    public static string Fold(string text) =>
        string.Concat(text.Where(c => char.IsLetterOrDigit(c))).ToLowerInvariant();
}

/// <summary>One word of the 敏感词 list, kept by administrators.</summary>
public sealed class SensitiveWord
{
    public SensitiveWord(string word, DateTimeOffset addedAt, string addedBy)
    {
        word = Guard.Required(word, nameof(word));
        if (word.Length > SensitiveWords.MaxWordLength) throw new DomainException("敏感词不能超过50个字。");
        if (SensitiveWords.Fold(word).Length == 0) throw new DomainException("敏感词应含有文字或数字。");
        Word = word;
        AddedAt = addedAt;
        AddedBy = Guard.Required(addedBy, nameof(addedBy));
    }

    public int Id { get; private set; }
    public string Word { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public string AddedBy { get; private set; }
}
