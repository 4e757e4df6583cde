namespace DisclosurePortal.Domain.Publishing;

/// <summary>A speaker at a 新闻发布会: name and post (e.g. 县住房城乡建设局局长).</summary>
public sealed record Speaker(string Name, string Post);

/// <summary>
/// 回应关切 and 新闻发布会 (条例 Art. 6: 行政机关应当及时、准确地公开政府信息；发现影响或者可能影响社会稳定、扰乱社会和经济管理秩序的
/// 虚假或者不完整信息的，应当发布准确的政府信息予以澄清). Their own fields and the rules on them, by kind: the fields of the
/// other kinds are not kept.
/// </summary>
public static class PublicResponses
{
    public const int MaxSummaryLength = 500;
    public const int MaxPlaceLength = 200;
    public const int MaxSpeakers = 20;
    public const int MaxSpeakerNameLength = 50;
    public const int MaxSpeakerPostLength = 100;
    public const int MaxSpeakersLength = 3000;

    public static bool IsOwnKind(RecordKind kind) => kind is RecordKind.ConcernResponse or RecordKind.PressConference;

    public static string Describe(ConcernSource source) => source switch
    {
        ConcernSource.NetizenMessage => "网民留言",
        ConcernSource.MediaReport => "媒体报道",
        ConcernSource.Hotline12345 => "12345热线",
        ConcernSource.DeputySuggestion => "人大代表建议",
        ConcernSource.CppccProposal => "政协委员提案",
        ConcernSource.Other => "其他",
        _ => source.ToString(),
    };

    /// <summary>What is wrong with the kind's own fields, by field name (of <see cref="RecordMetadata"/>); empty when nothing is.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(RecordKind kind, RecordMetadata m, DateOnly today)
    {
        var p = new List<(string, string)>();
        if (kind == RecordKind.ConcernResponse)
        {
            if (m.ConcernSource is not { } source || !Enum.IsDefined(source)) p.Add((nameof(m.ConcernSource), "请选择关切来源。"));
            if (m.ConcernDate is not { } date) p.Add((nameof(m.ConcernDate), "请填写关切提出的日期。"));
            else if (date > today) p.Add((nameof(m.ConcernDate), "关切提出的日期不能晚于今天。"));
            else if (date.Year < 2000) p.Add((nameof(m.ConcernDate), "关切提出的日期不正确。"));
            if (string.IsNullOrWhiteSpace(m.ConcernSummary)) p.Add((nameof(m.ConcernSummary), "请简述所回应的关切。"));
            else if (m.ConcernSummary.Trim().Length > MaxSummaryLength) p.Add((nameof(m.ConcernSummary), "关切简述不能超过500字。"));
        }
        if (kind == RecordKind.PressConference)
        {
            if (m.ConferenceDate is not { } date) p.Add((nameof(m.ConferenceDate), "请填写发布会日期。"));
            else if (date.Year < 2000 || date > today.AddYears(1)) p.Add((nameof(m.ConferenceDate), "发布会日期不正确。"));
            if (string.IsNullOrWhiteSpace(m.ConferencePlace)) p.Add((nameof(m.ConferencePlace), "请填写发布会地点。"));
            else if (m.ConferencePlace.Trim().Length > MaxPlaceLength) p.Add((nameof(m.ConferencePlace), "地点不能超过200字。"));
            if (SpeakersProblem(m.Speakers) is { } speakers) p.Add((nameof(m.Speakers), speakers));
            if (!string.IsNullOrWhiteSpace(m.VideoUrl) && PolicyInterpretations.VideoUrlProblem(m.VideoUrl) is { } video)
                p.Add((nameof(m.VideoUrl), video));
        }
        return p;
    }

    /// <summary>
    /// The speakers as typed, one a line: name and post separated by a tab, a full-width or half-width comma or colon,
    /// or spaces (王明 县住建局局长). Blank lines are skipped.
    /// </summary>
    public static IReadOnlyList<Speaker> Speakers(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [];
        var list = new List<Speaker>();
        foreach (var raw in typed.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var cut = line.IndexOfAny(['\t', '，', ',', '：', ':', ' ', '　']);
            list.Add(cut < 0 ? new Speaker(line, "") : new Speaker(line[..cut].Trim(), line[(cut + 1)..].Trim(' ', '\t', '　', '，', ',', '：', ':')));
        }
        return list;
    }

    /// <summary>The stored form: one speaker a line, name TAB post.</summary>
    public static string? Normalise(string? typed)
    {
        var speakers = Speakers(typed);
        return speakers.Count == 0 ? null : string.Join("\n", speakers.Select(s => $"{s.Name}\t{s.Post}"));
    }

    public static string? SpeakersProblem(string? typed)
    {
        if (typed is { Length: > MaxSpeakersLength }) return "发布人一栏不能超过3000字。";
        var speakers = Speakers(typed);
        if (speakers.Count == 0) return "请填写至少一位发布人：每行一位，姓名与职务之间用空格分开。";
        if (speakers.Count > MaxSpeakers) return "发布人最多20位。";
        foreach (var s in speakers)
        {
            if (s.Post.Length == 0) return "每位发布人须写明职务：姓名与职务之间用空格分开。";
            if (s.Name.Length > MaxSpeakerNameLength || s.Post.Length > MaxSpeakerPostLength) return "发布人姓名不能超过50字，职务不能超过100字。";
        }
        return null;
    }
}
