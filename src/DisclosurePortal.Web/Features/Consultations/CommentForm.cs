using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// An opinion as a citizen types it (or staff enter one received by letter, e-mail or at a meeting). The name to
/// publish is optional; name, phone, e-mail and address are kept private (encrypted) and only for replying.
/// </summary>
public class CommentForm
{
    [MultiLine]
    public string? Body { get; set; }
    [ValidatorExplains]
    public bool MayPublish { get; set; } = true;
    public string? PublicName { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public List<AnswerForm> Answers { get; set; } = [];

    /// <summary>The honeypot (as on /apply): hidden from people, so only a bot fills it in.</summary>
    [FromForm(Name = HoneypotField)]
    public string? Website { get; set; }

    public const string HoneypotField = "website";

    /// <summary>One answer slot per question, in the questionnaire's order, keeping what was typed.</summary>
    public CommentForm WithSlots(IReadOnlyList<QuestionView> questions)
    {
        // The first answer posted for each question of this questionnaire; anything else posted is not redrawn.
        var typed = Answers.Where(a => a.QuestionId is not null).GroupBy(a => a.QuestionId!.Value).ToDictionary(g => g.Key, g => g.First());
        Answers = questions.Select(q => typed.GetValueOrDefault(q.Id) ?? new AnswerForm { QuestionId = q.Id }).ToList();
        return this;
    }

    public IReadOnlyList<AnswerDraft> AnswerDrafts() =>
    [
        .. Answers.Where(a => a.QuestionId is not null).SelectMany(a =>
        {
            var id = a.QuestionId!.Value;
            IEnumerable<AnswerDraft> answers = a.Choices.Distinct().Select(o => new AnswerDraft(id, o, null));
            if (a.Choice is { } choice) answers = answers.Append(new AnswerDraft(id, choice, null));
            if (!string.IsNullOrWhiteSpace(a.Text)) answers = answers.Append(new AnswerDraft(id, null, a.Text.Trim()));
            return answers;
        }),
    ];
}

/// <summary>What staff add when entering an opinion received otherwise: how and on which day.</summary>
public sealed class StaffCommentForm : CommentForm
{
    [ValidatorExplains]
    public CommentChannel? Channel { get; set; }
    public string? ReceivedOn { get; set; }

    public DateOnly? Received => QueryReader.TryDate(ReceivedOn?.Trim() ?? "", out var d) ? d : null;
}

/// <summary>An answer to one question: a radio (single), check boxes (multiple) or the text.</summary>
public sealed class AnswerForm
{
    public int? QuestionId { get; set; }
    [ValidatorExplains]
    public int? Choice { get; set; }
    [ValidatorExplains]
    public List<int> Choices { get; set; } = [];
    [MultiLine]
    public string? Text { get; set; }
}

public static partial class CommentRules
{
    public const int BodyLength = 5000;
    public const int NameLength = 50;
    public const int PhoneLength = 30;
    public const int EmailLength = 200;
    public const int AddressLength = 300;
    public const int AnswerTextLength = 2000;

    public static void Apply<T>(AbstractValidator<T> v) where T : CommentForm
    {
        v.RuleFor(x => x.Body).NotEmpty().WithMessage("请填写意见内容。").MaximumLength(BodyLength).WithMessage("意见不能超过5000个字。");
        v.RuleFor(x => x.PublicName).MaximumLength(NameLength).WithMessage("署名不能超过50个字。").Must(NoMarkup).WithMessage("署名不能包含“<”“>”符号。");
        v.RuleFor(x => x.Name).MaximumLength(NameLength).WithMessage("姓名不能超过50个字。");
        v.RuleFor(x => x.Phone).MaximumLength(PhoneLength).WithMessage("电话不能超过30个字。")
            .Must(p => string.IsNullOrWhiteSpace(p) || Phone().IsMatch(p.Trim())).WithMessage("请填写有效的电话号码。");
        v.RuleFor(x => x.Email).MaximumLength(EmailLength).WithMessage("电子邮箱不能超过200个字。")
            .Must(e => string.IsNullOrWhiteSpace(e) || Email().IsMatch(e.Trim())).WithMessage("请填写有效的电子邮箱。");
        v.RuleFor(x => x.Address).MaximumLength(AddressLength).WithMessage("通信地址不能超过300个字。");
        v.RuleFor(x => x.Answers).Must(a => a.Count <= 20).WithMessage("问卷回答过多。");
        v.RuleForEach(x => x.Answers).ChildRules(a =>
        {
            a.RuleFor(x => x.Text).MaximumLength(AnswerTextLength).WithMessage("回答不能超过2000个字。");
            a.RuleFor(x => x.Choices).Must(c => c.Count <= ConsultationRules.MaxQuestionOptions).WithMessage("选项无效。");
        });
    }

    private static bool NoMarkup(string? s) => s is null || s.AsSpan().IndexOfAny('<', '>') < 0;

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{5,22}[0-9]$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}

public sealed class CommentFormValidator : AbstractValidator<CommentForm>
{
    public CommentFormValidator() => CommentRules.Apply(this);
}

public sealed class StaffCommentFormValidator : AbstractValidator<StaffCommentForm>
{
    public StaffCommentFormValidator()
    {
        CommentRules.Apply(this);
        RuleFor(x => x.Channel).Must(c => c is { } k && k != CommentChannel.Online && Enum.IsDefined(k)).WithMessage("请选择意见的收到方式。");
        RuleFor(x => x.ReceivedOn).Must((f, _) => f.Received is not null).WithMessage("请按“年-月-日”填写收到日期。");
    }
}
