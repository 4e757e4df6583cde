using System.Globalization;
using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Features.PolicyCleanups;

/// <summary>
/// A clean-up as typed: the notice's particulars and one row per offered policy — its conclusion (不列入, 继续有效,
/// 宣布失效, 宣布废止) and reason. No script: the rows are a table of selects; the filters above narrow the offered rows.
/// The decision date is text so that whatever was typed comes back on the re-rendered form.
/// </summary>
public sealed class PolicyCleanupForm
{
    [BindNever]
    public int? Id { get; set; }

    /// <summary>The optimistic-concurrency version opened (edit only).</summary>
    public int? Version { get; set; }

    public string? Title { get; set; }
    public string? IssuingBody { get; set; }
    public string? DecidedOn { get; set; }
    public string? DocumentNumber { get; set; }

    [MultiLine]
    public string? Intro { get; set; }

    public List<CleanupRowForm> Rows { get; set; } = [];

    public DateOnly? Decided => QueryReader.TryDate(DecidedOn?.Trim() ?? "", out var d) ? d : null;

    public IEnumerable<CleanupRowForm> Listed => Rows.Where(r => r.Conclusion is not null);

    public CleanupDraft ToDraft() => new()
    {
        Title = Title ?? "",
        IssuingBody = IssuingBody ?? "",
        DecidedOn = Decided ?? DateOnly.MinValue,
        DocumentNumber = DocumentNumber,
        Intro = Intro ?? "",
        Entries = [.. Listed.Select(r => new CleanupEntryDraft(r.RecordId, r.Conclusion!.Value, r.Reason))],
    };

    /// <summary>The form for the offered rows: the chosen entries first (with their conclusion and reason), then the rest.</summary>
    public PolicyCleanupForm WithRows(IEnumerable<CleanupChoice> choices)
    {
        var typed = Rows.GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => g.First());
        Rows = [.. choices.Select(c => typed.GetValueOrDefault(c.RecordId) ?? new CleanupRowForm { RecordId = c.RecordId })];
        return this;
    }

    public static PolicyCleanupForm From(PolicyCleanup cleanup) => new()
    {
        Id = cleanup.Id,
        Version = cleanup.Version,
        Title = cleanup.Title,
        IssuingBody = cleanup.IssuingBody,
        DecidedOn = cleanup.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DocumentNumber = cleanup.DocumentNumber,
        Intro = cleanup.Intro,
        Rows = [.. cleanup.Entries.OrderBy(e => e.Position).Select(e => new CleanupRowForm { RecordId = e.RecordId, Conclusion = e.NewValidity, Reason = e.Reason })],
    };
}

/// <summary>One offered policy: the conclusion chosen for it (none: not listed) and why.</summary>
public sealed class CleanupRowForm
{
    public int RecordId { get; set; }
    public Validity? Conclusion { get; set; }
    public string? Reason { get; set; }
}

public sealed class PolicyCleanupFormValidator : AbstractValidator<PolicyCleanupForm>
{
    public const string DateMessage = "请按“年-月-日”填写决定日期，例如 2026-11-30。";

    public PolicyCleanupFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写标题。").MaximumLength(PolicyCleanup.MaxTitleLength).WithMessage("标题不能超过200个字。");
        RuleFor(x => x.IssuingBody).NotEmpty().WithMessage("请填写发布机关。").MaximumLength(PolicyCleanup.MaxIssuingBodyLength).WithMessage("发布机关不能超过100个字。");
        RuleFor(x => x.DecidedOn).NotEmpty().WithMessage("请填写决定日期。").MaximumLength(20).WithMessage(DateMessage)
            .Must((f, _) => f.Decided is not null).When(f => !string.IsNullOrWhiteSpace(f.DecidedOn)).WithMessage(DateMessage);
        RuleFor(x => x.DocumentNumber).MaximumLength(PolicyCleanup.MaxDocumentNumberLength).WithMessage("文号不能超过100个字。");
        RuleFor(x => x.Intro).NotEmpty().WithMessage("请填写正文。").MaximumLength(PolicyCleanup.MaxIntroLength).WithMessage("正文不能超过4000个字。");
        RuleFor(x => x.Rows).Must(r => r.Count <= PolicyCleanupQueries.MaxChoices + PolicyCleanup.MaxEntries).WithMessage("列入的文件过多。");
        RuleForEach(x => x.Rows).ChildRules(r =>
        {
            r.RuleFor(x => x.Conclusion).Must(c => c is null || Enum.IsDefined(c.Value)).WithMessage("请选择清理结论。");
            r.RuleFor(x => x.Reason).MaximumLength(PolicyCleanup.MaxReasonLength).WithMessage("理由不能超过200个字。");
            r.RuleFor(x => x.Reason).NotEmpty().When(x => x.Conclusion is Validity.Expired or Validity.Repealed).WithMessage("宣布失效或废止须填写理由。");
        });
    }
}

/// <summary>
/// The form page's filters (GET): <c>department</c>, <c>kind</c> and <c>validity</c>, as the library spells them.
/// </summary>
public sealed record CleanupChoiceFilter(int? Department, RecordKind? Kind, Validity? Validity) : IQueryFilter<CleanupChoiceFilter>
{
    public static class Keys
    {
        public const string Department = PolicyLibrary.PolicyFilter.Keys.Department;
        public const string Kind = PolicyLibrary.PolicyFilter.Keys.Kind;
        public const string Validity = PolicyLibrary.PolicyFilter.Keys.Validity;
    }

    public static CleanupChoiceFilter Read(QueryReader query)
    {
        var department = query.Id(Keys.Department, PolicyLibrary.PolicyLibraryController.DepartmentProblem);
        RecordKind? kind = null;
        if (query.Text(Keys.Kind) is { } k)
        {
            if (QueryReader.TryCode<RecordKind>(k, out var value) && PolicyInterpretations.IsPolicy(value)) kind = value;
            else query.Refuse("文件类型筛选条件无效。");
        }
        Validity? validity = null;
        if (query.Text(Keys.Validity) is { } v)
        {
            if (QueryReader.TryCode<Validity>(v, out var value) && value != Domain.Publishing.Validity.Repealed) validity = value;
            else query.Refuse("效力状态应为 有效 或 失效。");
        }
        return new CleanupChoiceFilter(department, kind, validity);
    }
}
