using System.Globalization;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// A department's consultation as typed (new or edit). Dates are text so that whatever was typed comes back on the
/// re-rendered form; the questionnaire is a few fixed slots (no script needed to add one), the empty ones ignored.
/// </summary>
public sealed class ConsultationForm
{
    public const int QuestionSlots = 5;

    [BindNever]
    public int? Id { get; set; }

    /// <summary>The optimistic-concurrency version the editor opened (edit only).</summary>
    public int? Version { get; set; }

    [ValidatorExplains]
    public int? CatalogueItemId { get; set; }
    public string? Title { get; set; }
    [MultiLine]
    public string? DraftBody { get; set; }
    [MultiLine]
    public string? DraftingExplanation { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    [MultiLine]
    public string? ShortPeriodReason { get; set; }
    /// <summary>
    /// A check box posted only when ticked (no hidden "false" twin: one name per control), so unticked is false; a value
    /// that is not a boolean is dropped (the tag helper cannot redraw it), leaving false. A new form starts ticked.
    /// </summary>
    [ValidatorExplains]
    public bool AcceptsOnline { get; set; }
    public string? Email { get; set; }
    public string? PostalAddress { get; set; }
    public List<QuestionForm> Questions { get; set; } = [];

    /// <summary>The one free-text question of the questionnaire (optional).</summary>
    public string? FreeTextQuestion { get; set; }

    public DateOnly? Starts => QueryReader.TryDate(StartsOn?.Trim() ?? "", out var d) ? d : null;
    public DateOnly? Ends => QueryReader.TryDate(EndsOn?.Trim() ?? "", out var d) ? d : null;

    /// <summary>Shows every slot (filled ones first), so an editor can add questions without script.</summary>
    public ConsultationForm WithSlots()
    {
        while (Questions.Count < QuestionSlots) Questions.Add(new QuestionForm());
        return this;
    }

    public IReadOnlyList<QuestionDraft> QuestionDrafts()
    {
        var drafts = Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text))
            .Select(q => new QuestionDraft(q.Text!, q.Kind ?? QuestionKind.SingleChoice, q.OptionList())).ToList();
        if (!string.IsNullOrWhiteSpace(FreeTextQuestion)) drafts.Add(new QuestionDraft(FreeTextQuestion, QuestionKind.FreeText, []));
        return drafts;
    }

    public ConsultationDraft ToDraft(int domainId) => new()
    {
        CatalogueItemId = CatalogueItemId!.Value,
        DomainId = domainId,
        Title = Title!,
        DraftBody = DraftBody!,
        DraftingExplanation = DraftingExplanation!,
        StartsOn = Starts!.Value,
        EndsOn = Ends!.Value,
        ShortPeriodReason = ShortPeriodReason,
        AcceptsOnline = AcceptsOnline,
        Email = Email,
        PostalAddress = PostalAddress,
        Questions = QuestionDrafts(),
    };

    public static ConsultationForm From(Consultation c) => new ConsultationForm
    {
        Id = c.Id,
        Version = c.Version,
        CatalogueItemId = c.CatalogueItemId,
        Title = c.Title,
        DraftBody = c.DraftBody,
        DraftingExplanation = c.DraftingExplanation,
        StartsOn = c.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndsOn = c.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ShortPeriodReason = c.ShortPeriodReason,
        AcceptsOnline = c.AcceptsOnline,
        Email = c.Email,
        PostalAddress = c.PostalAddress,
        Questions = c.Questions.Where(q => q.Kind != QuestionKind.FreeText).OrderBy(q => q.Position)
            .Select(q => new QuestionForm { Text = q.Text, Kind = q.Kind, Options = string.Join('\n', q.Options) }).ToList(),
        FreeTextQuestion = c.Questions.FirstOrDefault(q => q.Kind == QuestionKind.FreeText)?.Text,
    }.WithSlots();
}

/// <summary>One choice question: its options one per line.</summary>
public sealed class QuestionForm
{
    public string? Text { get; set; }
    [ValidatorExplains]
    public QuestionKind? Kind { get; set; }
    [MultiLine]
    public string? Options { get; set; }

    public IReadOnlyList<string> OptionList() =>
        (Options ?? "").ReplaceLineEndings("\n").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
}

public sealed class ConsultationFormValidator : AbstractValidator<ConsultationForm>
{
    public const int TitleLength = 200;
    public const int BodyLength = 100_000;
    public const int ExplanationLength = 20_000;
    public const int ReasonLength = 1000;
    public const int QuestionLength = 300;
    public const int OptionLength = 100;

    public ConsultationFormValidator()
    {
        RuleFor(x => x.CatalogueItemId).NotNull().WithMessage("请选择本部门“决策”阶段的公开事项。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写标题。").MaximumLength(TitleLength).WithMessage("标题不能超过200个字。");
        RuleFor(x => x.DraftBody).NotEmpty().WithMessage("请填写征求意见稿正文。").MaximumLength(BodyLength).WithMessage("正文不能超过100000个字。");
        RuleFor(x => x.DraftingExplanation).NotEmpty().WithMessage("请填写起草说明。").MaximumLength(ExplanationLength).WithMessage("起草说明不能超过20000个字。");
        RuleFor(x => x.StartsOn).Must((f, _) => f.Starts is not null).WithMessage("请按“年-月-日”填写开始日期，例如 2026-06-01。");
        RuleFor(x => x.EndsOn).Must((f, _) => f.Ends is not null).WithMessage("请按“年-月-日”填写截止日期，例如 2026-06-30。");
        RuleFor(x => x.EndsOn)
            .Must((f, _) => ConsultationRules.PeriodProblem(f.Starts!.Value, f.Ends!.Value, f.ShortPeriodReason) is null)
            .WithMessage(f => ConsultationRules.PeriodProblem(f.Starts!.Value, f.Ends!.Value, f.ShortPeriodReason)!)
            .When(f => f.Starts is not null && f.Ends is not null);
        RuleFor(x => x.ShortPeriodReason).MaximumLength(ReasonLength).WithMessage("理由不能超过1000个字。");
        RuleFor(x => x.Email).MaximumLength(200).WithMessage("电子邮箱不能超过200个字。")
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage("请填写有效的电子邮箱。");
        RuleFor(x => x.PostalAddress).MaximumLength(300).WithMessage("通信地址不能超过300个字。");
        RuleFor(x => x.AcceptsOnline)
            .Must((f, online) => online || !string.IsNullOrWhiteSpace(f.Email) || !string.IsNullOrWhiteSpace(f.PostalAddress))
            .WithMessage("请至少提供一种提交意见的方式：网上提交、电子邮件或信函地址。");
        RuleFor(x => x.Questions).Must(q => q.Count <= ConsultationForm.QuestionSlots).WithMessage("问卷最多有5道选择题。");
        RuleForEach(x => x.Questions).ChildRules(q =>
        {
            q.RuleFor(x => x.Text).MaximumLength(QuestionLength).WithMessage("题目不能超过300个字。");
            q.RuleFor(x => x.Kind).Must(k => k is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
                .When(x => !string.IsNullOrWhiteSpace(x.Text)).WithMessage("请选择单选或多选。");
            q.RuleFor(x => x.Options).Must((x, _) => x.OptionList().Count is >= ConsultationRules.MinQuestionOptions and <= ConsultationRules.MaxQuestionOptions)
                .When(x => !string.IsNullOrWhiteSpace(x.Text)).WithMessage("每道选择题应有2至10个选项，每行一个。");
            q.RuleFor(x => x.Options).Must((x, _) => x.OptionList().All(o => o.Length <= OptionLength)).WithMessage("每个选项不能超过100个字。");
            q.RuleFor(x => x.Options).Must((x, _) => string.IsNullOrWhiteSpace(x.Options) || !string.IsNullOrWhiteSpace(x.Text))
                .WithMessage("请填写这道题的题目，或清空它的选项。");
        });
        RuleFor(x => x.FreeTextQuestion).MaximumLength(QuestionLength).WithMessage("题目不能超过300个字。");
    }
}
