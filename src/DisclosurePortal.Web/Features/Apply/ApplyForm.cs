using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>
/// What an applicant types (条例 Art. 29). Everything is nullable so nothing typed is lost on a re-render. A choice that
/// does not bind (ApplicantKind=abc) gets the validator's message, not the binder's generic one.
/// </summary>
public sealed class ApplyForm
{
    [ValidatorExplains]
    public ApplicantKind? ApplicantKind { get; set; }
    public string? ApplicantName { get; set; }

    /// <summary>证件类型 of a natural person (条例 Art. 29: any 身份证明); 居民身份证 unless chosen otherwise.</summary>
    [ValidatorExplains]
    public IdentityDocument? IdentityDocument { get; set; } = Domain.Applications.IdentityDocument.ResidentId;
    public string? IdentityNumber { get; set; }
    public string? ContactPerson { get; set; }
    public string? Contact { get; set; }
    public string? PostalAddress { get; set; }

    /// <summary>通知邮箱 (optional, issue 19): told there when the reply is ready; stored encrypted.</summary>
    public string? NotifyEmail { get; set; }
    [MultiLine]
    public string? InformationDescription { get; set; }
    [ValidatorExplains]
    public ProvisionForm? ProvisionForm { get; set; }
    [ValidatorExplains]
    public DeliveryMethod? DeliveryMethod { get; set; }

    /// <summary>The honeypot: hidden from people, so only a bot fills it in. Posted as "website", the name bots look for.</summary>
    [FromForm(Name = HoneypotField)]
    public string? Website { get; set; }

    /// <summary>The honeypot's posted name (and the field's id), written once for the binder and the page.</summary>
    public const string HoneypotField = "website";

    public bool IsOrganisation => ApplicantKind is { } kind && kind != Domain.Applications.ApplicantKind.NaturalPerson;

    /// <summary>
    /// The identity number as stored: a person's without the spaces, hyphens and brackets people type into it
    /// (<see cref="IdentityDocuments.Normalise"/>), an organisation's trimmed; letters (a check character X) upper case.
    /// </summary>
    public string NormalisedIdentityNumber => IsOrganisation
        ? (IdentityNumber ?? string.Empty).Trim().ToUpperInvariant()
        : IdentityDocuments.Normalise(IdentityNumber);

    /// <summary>The details to store: the identity number encrypted, with its blind index (PersonalData, ADR 20).</summary>
    public ApplicationDetails ToDetails(PersonalData personalData, ApplicationChannel channel = ApplicationChannel.Online)
    {
        var (identityNumber, identityIndex) = personalData.Protect(NormalisedIdentityNumber);
        return ToDetails(channel) with { IdentityNumber = identityNumber, IdentityIndex = identityIndex, NotifyEmail = personalData.ProtectEmail(NotifyEmail) };
    }

    private ApplicationDetails ToDetails(ApplicationChannel channel) => new()
    {
        ApplicantKind = ApplicantKind!.Value,
        ApplicantName = ApplicantName!.Trim(),
        IdentityDocument = IdentityDocument ?? Domain.Applications.IdentityDocument.ResidentId,
        // A natural person has no 联系人: whatever was typed there is not kept (only what the application needs).
        ContactPerson = IsOrganisation ? ContactPerson?.Trim() : null,
        Contact = Contact!.Trim(),
        PostalAddress = PostalAddress?.Trim(),
        InformationDescription = InformationDescription!.Trim(),
        ProvisionForm = ProvisionForm!.Value,
        DeliveryMethod = DeliveryMethod!.Value,
        Channel = channel,
    };
}

public sealed partial class ApplyFormValidator : AbstractValidator<ApplyForm>
{
    // The column sizes of ApplicationsConfiguration: a longer value is refused here, never by the database.
    public const int MaxNameLength = 200;
    public const int MaxContactPersonLength = 100;
    public const int MaxContactLength = 200;
    public const int MaxAddressLength = 300;
    public const int MaxDescriptionLength = 4000;
    public const int MaxNotifyEmailLength = 254;

    /// <param name="localizer">The identity number's message names the number and its length: translated here, with them.</param>
    public ApplyFormValidator(TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer)
    {
        var today = ChinaTime.Today(clock);
        RuleFor(x => x.ApplicantKind).NotNull().WithMessage("请选择申请人类型。").IsInEnum().WithMessage("请选择申请人类型。");
        RuleFor(x => x.ApplicantName)
            .NotEmpty().WithMessage("请填写申请人姓名或名称。")
            .MaximumLength(MaxNameLength).WithMessage("姓名或名称不能超过200个字。")
            .Must(NoMarkup).WithMessage("姓名或名称不能包含“<”“>”符号。");

        // 条例 Art. 29: 身份证明. A person gives the number of the document chosen (居民身份证 unless told), checked by its
        // own format and check character and told precisely what is wrong; an organisation its 统一社会信用代码.
        RuleFor(x => x.IdentityDocument)
            .Must(d => d is { } kind && Enum.IsDefined(kind)).When(f => f.ApplicantKind == ApplicantKind.NaturalPerson)
            .WithMessage("请选择证件类型。");
        RuleFor(x => x.IdentityNumber).NotEmpty().WithMessage("请填写证件号码。");
        RuleFor(x => x.IdentityNumber).Custom((_, context) =>
            {
                var f = context.InstanceToValidate;
                if (IdentityDocuments.Explain(f.IdentityDocument!.Value, f.IdentityNumber, today) is { } problem)
                    context.AddFailure(nameof(ApplyForm.IdentityNumber), localizer[problem.Message, problem.Name is null ? "" : localizer[problem.Name].Value, problem.Length ?? 0].Value);
            })
            .When(f => f.ApplicantKind == ApplicantKind.NaturalPerson && f.IdentityDocument is { } d && Enum.IsDefined(d)
                && !string.IsNullOrWhiteSpace(f.IdentityNumber) && !Infrastructure.TypedText.IsRefused(f.IdentityNumber, multiLine: false));
        RuleFor(x => x.IdentityNumber).Cascade(CascadeMode.Stop)
            .Must((f, _) => !IdentityNumbers.IsValidResidentId(f.NormalisedIdentityNumber, today))
            .WithMessage("法人或其他组织请填写统一社会信用代码，而不是身份证号码。")
            .Must((f, _) => IdentityNumbers.IsValidCreditCode(f.NormalisedIdentityNumber))
            .WithMessage("统一社会信用代码有误，请核对：应为18位数字或大写字母。")
            .When(f => f.IsOrganisation && !string.IsNullOrWhiteSpace(f.IdentityNumber) && !Infrastructure.TypedText.IsRefused(f.IdentityNumber, multiLine: false));

        RuleFor(x => x.ContactPerson)
            .NotEmpty().When(f => f.IsOrganisation).WithMessage("法人或其他组织请填写联系人。")
            .MaximumLength(MaxContactPersonLength).WithMessage("联系人不能超过100个字。")
            .Must(NoMarkup).WithMessage("联系人不能包含“<”“>”符号。");
        RuleFor(x => x.Contact).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请填写联系电话或电子邮箱。")
            .MaximumLength(MaxContactLength).WithMessage("联系方式不能超过200个字。")
            .Must(c => IsPhone(c) || IsEmail(c)).WithMessage("请填写有效的联系电话或电子邮箱。")
            .Must((f, c) => f.DeliveryMethod != DeliveryMethod.Email || IsEmail(c))
            .WithMessage("选择以电子邮件获取的，请在此填写电子邮箱。");
        RuleFor(x => x.PostalAddress)
            .NotEmpty().When(f => f.DeliveryMethod == DeliveryMethod.Post).WithMessage("选择邮寄的，请填写通信地址。")
            .MaximumLength(MaxAddressLength).WithMessage("通信地址不能超过300个字。");
        RuleFor(x => x.NotifyEmail).Cascade(CascadeMode.Stop)
            .MaximumLength(MaxNotifyEmailLength).WithMessage("通知邮箱不能超过254个字符。")
            .Must(IsEmail).WithMessage("请填写有效的电子邮箱，例如 name@example.com；不需要邮件通知的请留空。")
            .When(f => !string.IsNullOrWhiteSpace(f.NotifyEmail));
        RuleFor(x => x.InformationDescription)
            .NotEmpty().WithMessage("请描述所需的政府信息：名称、文号或者便于查询的其他特征。")
            .MaximumLength(MaxDescriptionLength).WithMessage("所需信息的描述不能超过4000字。");
        // Control characters in any of these: Infrastructure/TypedText (one rule for every form).
        RuleFor(x => x.ProvisionForm).NotNull().WithMessage("请选择获取信息的形式。").IsInEnum().WithMessage("请选择获取信息的形式。");
        RuleFor(x => x.DeliveryMethod).NotNull().WithMessage("请选择获取信息的方式。").IsInEnum().WithMessage("请选择获取信息的方式。");
    }


    /// <summary>A name has no angle brackets; one that does is markup, not a name (it would be shown escaped anyway).</summary>
    private static bool NoMarkup(string? s) => s is null || s.AsSpan().IndexOfAny('<', '>') < 0;

    private static bool IsPhone(string? s) => s is not null && Phone().IsMatch(s.Trim());

    private static bool IsEmail(string? s) => s is not null && Email().IsMatch(s.Trim());

    /// <summary>A mobile or landline number, with an area code, extension or +86 if the applicant writes one.</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{5,22}[0-9]$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
