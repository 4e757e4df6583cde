namespace DisclosurePortal.Domain.Publishing;

/// <summary>The standard metadata an editor writes for a record version (domain README §3).</summary>
public sealed record RecordMetadata
{
    public required string Title { get; init; }
    /// <summary>发文字号, e.g. 青财发〔2025〕12号; not every record has one.</summary>
    public string? DocumentNumber { get; init; }
    /// <summary>发文机关.</summary>
    public required string IssuingOrgan { get; init; }
    /// <summary>主题分类, free text under the domain (e.g. 城乡建设、环境保护\住房).</summary>
    public string? TopicCategory { get; init; }
    /// <summary>成文日期.</summary>
    public DateOnly? WrittenOn { get; init; }
    public Validity Validity { get; init; } = Validity.Valid;
    public DisclosureAttribute DisclosureAttribute { get; init; } = DisclosureAttribute.Proactive;
    public string? NonDisclosureReason { get; init; }
    /// <summary>Markdown; rendered with raw HTML disabled.</summary>
    public string Body { get; init; } = string.Empty;
    public InterpretationForm? InterpretationForm { get; init; }
    /// <summary>视频解读: the https address of the video (shown as a link, never embedded); kept only for that form.</summary>
    public string? VideoUrl { get; init; }

    /// <summary>回应关切: where the concern was raised.</summary>
    public ConcernSource? ConcernSource { get; init; }
    /// <summary>回应关切: when the concern was raised.</summary>
    public DateOnly? ConcernDate { get; init; }
    /// <summary>回应关切: the concern in a sentence or two (the answer is the body).</summary>
    public string? ConcernSummary { get; init; }
    /// <summary>新闻发布会: the day it was held.</summary>
    public DateOnly? ConferenceDate { get; init; }
    /// <summary>新闻发布会: the hour it began (China time).</summary>
    public TimeOnly? ConferenceTime { get; init; }
    /// <summary>新闻发布会: where.</summary>
    public string? ConferencePlace { get; init; }
    /// <summary>新闻发布会: the speakers, one a line, name and post separated by a tab (<see cref="PublicResponses.Speakers"/>).</summary>
    public string? Speakers { get; init; }
    /// <summary>摘要公开: what is published is a summary of the document (建议提案办理复文, Siping Tiexi).</summary>
    public bool IsSummary { get; init; }

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title)) problems.Add("标题不能为空。");
        else if (Title.Length > 300) problems.Add("标题不能超过300个字符。");
        if (string.IsNullOrWhiteSpace(IssuingOrgan)) problems.Add("发文机关不能为空。");
        if (!Enum.IsDefined(Validity)) problems.Add("有效性无效。");
        if (!Enum.IsDefined(DisclosureAttribute)) problems.Add("公开属性无效。");
        if (DisclosureAttribute == DisclosureAttribute.NotDisclosed && string.IsNullOrWhiteSpace(NonDisclosureReason))
            problems.Add("不予公开的信息须说明理由。");
        if (InterpretationForm is { } form && !Enum.IsDefined(form)) problems.Add("解读形式无效。");
        if (InterpretationForm == Publishing.InterpretationForm.Video && PolicyInterpretations.VideoUrlProblem(VideoUrl) is { } video)
            problems.Add(video);
        return problems;
    }
}
