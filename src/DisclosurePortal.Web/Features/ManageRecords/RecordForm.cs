using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// What an editor types for a record version (domain README §3). Everything is nullable so nothing typed is lost.
/// Control characters are refused for every field by <see cref="TypedTextFilter"/>; only [MultiLine] ones keep line breaks.
/// </summary>
public sealed class RecordForm
{
    public int? CatalogueItemId { get; set; }
    /// <summary>栏目 (issue 20 §3): the column of the site's tree; the record needs an item, a column, or both.</summary>
    public int? ColumnId { get; set; }
    /// <summary>摘要公开: the body is a summary of the document (建议提案办理复文).</summary>
    public bool IsSummary { get; set; }
    public RecordKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? DocumentNumber { get; set; }
    public string? IssuingOrgan { get; set; }
    public string? TopicCategory { get; set; }
    public DateOnly? WrittenOn { get; set; }
    public Validity? Validity { get; set; } = Domain.Publishing.Validity.Valid;
    public DisclosureAttribute? DisclosureAttribute { get; set; } = Domain.Publishing.DisclosureAttribute.Proactive;
    public string? NonDisclosureReason { get; set; }
    [MultiLine]
    public string? Body { get; set; }
    public InterpretationForm? InterpretationForm { get; set; }

    /// <summary>政策解读: the policy records the interpretation interprets (published policies only).</summary>
    public List<int> PolicyIds { get; set; } = [];

    /// <summary>政策解读: words to find a policy by title or 文号 ("find-policies" shows the matches without saving).</summary>
    public string? PolicyQuery { get; set; }

    /// <summary>政策问答: the rows as typed, in order; rows left blank are ignored (the form offers some for adding).</summary>
    public List<QuestionField> Questions { get; set; } = [];

    /// <summary>视频解读: the https address of the video.</summary>
    public string? VideoUrl { get; set; }

    /// <summary>回应关切: where, when and what the concern was (issue 19).</summary>
    public ConcernSource? ConcernSource { get; set; }
    public DateOnly? ConcernDate { get; set; }
    [MultiLine]
    public string? ConcernSummary { get; set; }

    /// <summary>新闻发布会: when, where, who spoke (one a line: name and post); the video link is <see cref="VideoUrl"/>.</summary>
    public DateOnly? ConferenceDate { get; set; }
    public TimeOnly? ConferenceTime { get; set; }
    public string? ConferencePlace { get; set; }
    [MultiLine]
    public string? Speakers { get; set; }

    public bool IsConcernResponse => Kind == RecordKind.ConcernResponse;
    public bool IsPressConference => Kind == RecordKind.PressConference;

    /// <summary>
    /// 所属期间 (ADR 33): for an item published every month, quarter or year, any day of the period this record answers,
    /// written yyyy-MM-dd; blank: the period before the one it is first published in.
    /// </summary>
    public string? CoversPeriod { get; set; }

    /// <summary>所属事件: for an item published after an event (办结后10日内), the recorded event this record answers.</summary>
    public int? CoversEventId { get; set; }

    /// <summary>The day <see cref="CoversPeriod"/> names, when it is one.</summary>
    public DateOnly? CoversPeriodDay =>
        DateOnly.TryParseExact(CoversPeriod?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The version's concurrency stamp when the form was opened.</summary>
    public int Version { get; set; }

    /// <summary>新建: files to attach on the first save (checked as <see cref="UploadAttachmentHandler"/> checks them).</summary>
    public List<IFormFile> Attachments { get; set; } = [];

    /// <summary>从 Word 文件导入正文: a .docx whose text becomes the body ("import"), its pictures attachments.</summary>
    public IFormFile? WordFile { get; set; }

    /// <summary>The files chosen or imported on an earlier round of this form, kept on the server until it is saved (<see cref="RecordFilesHandler"/>).</summary>
    public string? Pending { get; set; }

    /// <summary>"preview" renders the Markdown without saving; "import" reads <see cref="WordFile"/> into the body and previews it.</summary>
    public string? Intent { get; set; }

    public bool IsPreview => Intent == "preview";

    public bool IsImport => Intent == "import";

    /// <summary>The body is shown as the public page will show it, under the form.</summary>
    public bool ShowsPreview => IsPreview || IsImport;

    /// <summary>
    /// A button that only redraws the form, keeping what was typed: find policies, add question rows, move a row up
    /// ("up-3"), import a Word body. Nothing is validated or saved.
    /// </summary>
    public bool IsFormOnly => Intent is "find-policies" or "add-questions" or "import" || MovesRow is not null;

    /// <summary>The row index of an "up-N" button, when it is a valid one.</summary>
    public int? MovesRow =>
        Intent is { Length: > 3 } i && i.StartsWith("up-", StringComparison.Ordinal)
        && int.TryParse(i.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row)
        && row >= 1 && row < Questions.Count
            ? row
            : null;

    public bool IsInterpretation => Kind == RecordKind.PolicyInterpretation;

    /// <summary>The question rows the editor filled in, in order (the ones stored for 政策问答).</summary>
    public IReadOnlyList<QuestionField> FilledQuestions => [.. Questions.Where(q => !q.IsBlank)];

    /// <summary>The chosen policies, each once, in the order chosen.</summary>
    public IReadOnlyList<int> ChosenPolicyIds => [.. PolicyIds.Where(id => id > 0).Distinct()];

    public RecordMetadata ToMetadata() => new()
    {
        Title = Title ?? string.Empty,
        // Stored as GB/T 9704 writes it (青住建发〔2026〕28号) however it was typed, so that search finds it (issue 22).
        DocumentNumber = Domain.Search.DocumentNumbers.Canonical(DocumentNumber) ?? DocumentNumber,
        IssuingOrgan = IssuingOrgan ?? string.Empty,
        TopicCategory = TopicCategory,
        WrittenOn = WrittenOn,
        Validity = Validity ?? Domain.Publishing.Validity.Valid,
        DisclosureAttribute = DisclosureAttribute ?? Domain.Publishing.DisclosureAttribute.Proactive,
        NonDisclosureReason = NonDisclosureReason,
        Body = Body ?? string.Empty,
        InterpretationForm = Kind == RecordKind.PolicyInterpretation ? InterpretationForm : null,
        VideoUrl = Kind is RecordKind.PolicyInterpretation or RecordKind.PressConference ? VideoUrl : null,
        ConcernSource = ConcernSource,
        ConcernDate = ConcernDate,
        ConcernSummary = ConcernSummary,
        ConferenceDate = ConferenceDate,
        ConferenceTime = ConferenceTime,
        ConferencePlace = ConferencePlace,
        Speakers = Speakers,
        IsSummary = IsSummary,
    };

    public static RecordForm From(Record record, RecordVersion v, IReadOnlyList<int> policyIds, IReadOnlyList<InterpretationQuestion> questions,
        Domain.Expectations.RecordCoverage? coverage = null) => new()
    {
        CoversPeriod = coverage?.PeriodStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        CoversEventId = coverage?.ItemEventId,
        PolicyIds = [.. policyIds],
        Questions = [.. questions.OrderBy(q => q.Position).Select(q => new QuestionField { Question = q.Question, Answer = q.Answer })],
        VideoUrl = v.VideoUrl,
        CatalogueItemId = record.CatalogueItemId,
        ColumnId = record.ColumnId,
        IsSummary = v.IsSummary,
        Kind = record.Kind,
        Title = v.Title,
        DocumentNumber = v.DocumentNumber,
        IssuingOrgan = v.IssuingOrgan,
        TopicCategory = v.TopicCategory,
        WrittenOn = v.WrittenOn,
        Validity = v.Validity,
        DisclosureAttribute = v.DisclosureAttribute,
        NonDisclosureReason = v.NonDisclosureReason,
        Body = v.Body,
        InterpretationForm = v.InterpretationForm,
        ConcernSource = v.ConcernSource,
        ConcernDate = v.ConcernDate,
        ConcernSummary = v.ConcernSummary,
        ConferenceDate = v.ConferenceDate,
        ConferenceTime = v.ConferenceTime,
        ConferencePlace = v.ConferencePlace,
        // Shown as typed: name, a space, post.
        Speakers = v.Speakers?.Replace('\t', ' '),
        Version = v.Version,
    };
}

public sealed class RecordFormValidator : AbstractValidator<RecordForm>
{
    public const int MaxBodyLength = 200_000;

    public RecordFormValidator(TimeProvider clock, PublicSite site, IHttpContextAccessor http)
    {
        var today = ChinaTime.Today(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage("请选择信息类别。").IsInEnum().WithMessage("信息类别无效，请从列表中选择。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写标题。").MaximumLength(300).WithMessage("标题不能超过300个字。");
        RuleFor(x => x.DocumentNumber).MaximumLength(100).WithMessage("发文字号不能超过100个字。");
        RuleFor(x => x.IssuingOrgan).NotEmpty().WithMessage("请填写发文机关。").MaximumLength(200).WithMessage("发文机关不能超过200个字。");
        RuleFor(x => x.TopicCategory).MaximumLength(100).WithMessage("主题分类不能超过100个字。");
        RuleFor(x => x.WrittenOn)
            .Must(d => d is null || d <= today).WithMessage("成文日期不能晚于今天。")
            .Must(d => d is null || d.Value.Year >= 1949).WithMessage("成文日期不正确。");
        RuleFor(x => x.Validity).NotNull().WithMessage("请选择有效性。").IsInEnum().WithMessage("有效性无效，请从列表中选择。");
        RuleFor(x => x.DisclosureAttribute).NotNull().WithMessage("请选择公开属性。").IsInEnum().WithMessage("公开属性无效，请从列表中选择。");
        RuleFor(x => x.NonDisclosureReason)
            .NotEmpty().When(x => x.DisclosureAttribute == DisclosureAttribute.NotDisclosed).WithMessage("不予公开的信息须说明理由。")
            .MaximumLength(500).WithMessage("理由不能超过500个字。");
        RuleFor(x => x.InterpretationForm)
            .NotNull().When(x => x.Kind == RecordKind.PolicyInterpretation).WithMessage("请选择解读形式。")
            .IsInEnum().WithMessage("解读形式无效，请从列表中选择。");
        RuleFor(x => x.Body).MaximumLength(MaxBodyLength).WithMessage("正文不能超过20万字。")
            // Nesting Markdig cannot show, and images that would be fetched from the portal in every reader's name (ADR 24).
            .Custom((body, context) =>
            {
                if (MarkdownRenderer.BodyProblem(body, OwnHosts(site, http)) is { } problem) context.AddFailure(problem);
            });

        PublicResponseRules(today);
        When(x => x.Kind == RecordKind.PolicyInterpretation, () =>
        {
            RuleFor(x => x.PolicyIds)
                .Must(ids => ids.Distinct().Count() <= PolicyInterpretations.MaxPolicies).WithMessage("一篇政策解读最多关联10项政策文件。")
                .Must(ids => ids.All(id => id > 0)).WithMessage("所选的政策文件无效，请重新选择。");
            RuleFor(x => x.PolicyQuery).MaximumLength(100).WithMessage("查找关键词不能超过100个字。");
            RuleFor(x => x.VideoUrl)
                .Custom((url, context) =>
                {
                    if (PolicyInterpretations.VideoUrlProblem(url) is { } problem) context.AddFailure(problem);
                })
                .When(x => x.InterpretationForm == Domain.Publishing.InterpretationForm.Video);
            When(x => x.InterpretationForm == Domain.Publishing.InterpretationForm.QuestionsAndAnswers, () =>
            {
                RuleFor(x => x.Questions)
                    .Must(rows => rows.Any(r => !r.IsBlank)).WithMessage("政策问答须至少填写一组问题和回答。")
                    .Must(rows => rows.Count(r => !r.IsBlank) <= PolicyInterpretations.MaxQuestions).WithMessage("政策问答最多50组，请删去多余的问答。");
                RuleForEach(x => x.Questions).ChildRules(row =>
                {
                    row.RuleFor(r => r.Question)
                        .NotEmpty().WithMessage("请填写问题。").When(r => !r.IsBlank)
                        .MaximumLength(PolicyInterpretations.MaxQuestionLength).WithMessage("问题不能超过300个字。");
                    row.RuleFor(r => r.Answer)
                        .NotEmpty().WithMessage("请填写回答。").When(r => !r.IsBlank)
                        .MaximumLength(PolicyInterpretations.MaxAnswerLength).WithMessage("回答不能超过5000个字。");
                });
            });
        });
    }

    /// <summary>回应关切 and 新闻发布会: their own fields, by the Domain's rules, each message beside its field.</summary>
    private void PublicResponseRules(DateOnly today)
    {
        When(x => x.Kind is { } k && PublicResponses.IsOwnKind(k), () =>
            RuleFor(x => x).Custom((form, context) =>
            {
                foreach (var (field, message) in PublicResponses.Problems(form.Kind!.Value, form.ToMetadata(), today))
                    context.AddFailure(field, message);
            }));
        // Bound for every kind, so limited for every kind (what another kind posts is not kept, but never a 500).
        RuleFor(x => x.ConcernSummary).MaximumLength(PublicResponses.MaxSummaryLength).WithMessage("关切简述不能超过500字。")
            .When(x => !x.IsConcernResponse);
        RuleFor(x => x.ConferencePlace).MaximumLength(PublicResponses.MaxPlaceLength).WithMessage("地点不能超过200字。")
            .When(x => !x.IsPressConference);
        RuleFor(x => x.Speakers).MaximumLength(PublicResponses.MaxSpeakersLength).WithMessage("发布人一栏不能超过3000字。")
            .When(x => !x.IsPressConference);
    }

    /// <summary>A button that only redraws the form (<see cref="RecordForm.IsFormOnly"/>) asks for nothing to be validated.</summary>
    protected override bool PreValidate(ValidationContext<RecordForm> context, FluentValidation.Results.ValidationResult result) =>
        !context.InstanceToValidate.IsFormOnly;

    /// <summary>The names the portal answers to: the configured public one and the one this request came in by.</summary>
    private static string[] OwnHosts(PublicSite site, IHttpContextAccessor http) =>
        [.. new[] { site.BaseUrl is { } b ? new Uri(b).Host : null, http.HttpContext?.Request.Host.Host }.OfType<string>()];

}

/// <summary>One 政策问答 row as typed.</summary>
public sealed class QuestionField
{
    public string? Question { get; set; }
    [MultiLine]
    public string? Answer { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Question) && string.IsNullOrWhiteSpace(Answer);
}
