namespace DisclosurePortal.Domain.Search;

/// <summary>
/// 同义词组 (issue 22): words a citizen may type for the same thing (低保 / 最低生活保障), kept by administrators. A query
/// word that is one of a group's words is also looked for as each of the others, and the page says so.
/// </summary>
public sealed class SynonymGroup
{
    public const int MaxWords = 10;
    public const int MaxWordLength = 20;
    public const int MaxTermsLength = MaxWords * (MaxWordLength + 1);

    // The separators an administrator may type between the words of a group (spaces, commas, 顿号, semicolons, slashes, =).
    private static readonly char[] Separators = [' ', '\u3000', '\t', ',', '，', '、', ';', '；', '/', '／', '=', '＝', '|'];

    private SynonymGroup()
    {
        Terms = AddedBy = string.Empty;
    }

    public SynonymGroup(IReadOnlyList<string> words, DateTimeOffset addedAt, string addedBy)
    {
        if (Problem(words) is { } problem) throw new DomainException(problem);
        Terms = string.Join(' ', words);
        AddedAt = addedAt;
        AddedBy = Guard.Required(addedBy, nameof(addedBy));
    }

    public int Id { get; private set; }

    /// <summary>The words, separated by single spaces (no word contains one).</summary>
    public string Terms { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
    public string AddedBy { get; private set; }

    public IReadOnlyList<string> Words => Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words of a group as typed: split at spaces, commas, 顿号 and the like; each trimmed; duplicates (in case and width) once.</summary>
    public static List<string> Parse(string? typed)
    {
        var words = new List<string>();
        foreach (var part in (typed ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!words.Any(w => Key(w) == Key(part))) words.Add(part);
        }
        return words;
    }

    /// <summary>Why these words cannot be a group (in Chinese), or null.</summary>
    public static string? Problem(IReadOnlyList<string> words)
    {
        if (words.Count < 2) return "同义词组至少要有两个词，用空格或逗号分开。";
        if (words.Count > MaxWords) return "一组同义词最多 10 个。";
        if (words.Any(w => w.Length > MaxWordLength)) return "每个词不能超过 20 个字。";
        if (words.Any(w => w.Any(char.IsControl))) return "同义词含有无法识别的字符。";
        if (words.Any(w => SearchTokens.Phrase(w).IsEmpty)) return "每个词都应含有汉字、字母或数字。";
        return null;
    }

    /// <summary>The form in which words are compared: NFKC, lower case (Ｄ and d, 低保 and 低保 are the same word).</summary>
    public static string Key(string word) => SearchTokens.Normal(word.Trim());
}

/// <summary>The groups as a lookup: for a query word, the other words to look for too.</summary>
/// <remarks>The groups the portal starts with (the migration SearchSynonyms inserts them once; administrators change them).</remarks>
public sealed class Synonyms
{
    private readonly Dictionary<string, List<string>> _others = new(StringComparer.Ordinal);

    public static readonly Synonyms None = new([]);

    /// <summary>Common pairs of what citizens type and what policies are titled, inserted once by the migration.</summary>
    public static readonly IReadOnlyList<string> Starting =
    [
        "低保 最低生活保障", "医保 医疗保障 医疗保险", "社保 社会保险", "公积金 住房公积金", "残疾证 残疾人证",
        "新农合 新型农村合作医疗", "养老金 基本养老金", "特困 特困人员 五保", "身份证 居民身份证", "户口 户籍",
        "公租房 公共租赁住房 廉租房", "危改 危房改造", "驾照 驾驶证", "退伍军人 退役军人", "拆迁 房屋征收", "营业执照 工商执照",
    ];

    public Synonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            foreach (var word in group)
            {
                var key = SynonymGroup.Key(word);
                if (!_others.TryGetValue(key, out var others)) _others[key] = others = [];
                others.AddRange(group.Where(o => SynonymGroup.Key(o) != key && !others.Any(x => SynonymGroup.Key(x) == SynonymGroup.Key(o))));
            }
        }
    }

    /// <summary>The lookup of the groups as stored (<see cref="SynonymGroup.Terms"/>: words separated by spaces).</summary>
    public static Synonyms FromTerms(IEnumerable<string> terms) => new(terms.Select(SynonymGroup.Parse));

    /// <summary>The other words of every group that has <paramref name="word"/> (none when it is in no group).</summary>
    public IReadOnlyList<string> For(string word) => _others.TryGetValue(SynonymGroup.Key(word), out var others) ? others : [];

    /// <summary>True when a group already has the word (a word belongs to one group only).</summary>
    public bool Knows(string word) => _others.ContainsKey(SynonymGroup.Key(word));
}
