using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>The Chinese names of the application enums as the form shows them (the localizer gives the English).</summary>
public static class ApplyLabels
{
    public static string Of(ApplicantKind value) => value switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.CommercialEnterprise => "商业企业",
        ApplicantKind.ResearchInstitution => "科研机构",
        ApplicantKind.PublicInterestOrganisation => "社会公益组织",
        ApplicantKind.LegalServiceProvider => "法律服务机构",
        ApplicantKind.OtherOrganisation => "其他",
        _ => value.ToString(),
    };

    public static string Of(ProvisionForm value) => value switch
    {
        ProvisionForm.Paper => "纸质",
        ProvisionForm.Electronic => "电子文档",
        _ => value.ToString(),
    };

    public static string Of(DeliveryMethod value) => value switch
    {
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Pickup => "当面领取",
        DeliveryMethod.Online => "网上获取",
        _ => value.ToString(),
    };

    public static IReadOnlyList<ApplicantKind> Organisations { get; } =
        [.. Enum.GetValues<ApplicantKind>().Where(k => k != ApplicantKind.NaturalPerson)];
}
