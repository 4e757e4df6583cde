using DisclosurePortal.Domain.Site;

namespace DisclosurePortal.Domain.Tests.Site;

public sealed class SiteIdentityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private static readonly SiteIdentityFields Valid = new(
        Name: "白河县人民政府", ShortName: "白河县", NameEn: null, SiteName: "白河县人民政府信息公开", SiteNameEn: null,
        Sponsor: "白河县人民政府办公室", Operator: null, DisclosureOffice: "白河县政务公开办公室",
        Address: "白河县城关镇人民路8号", Postcode: "725500", Telephone: "0915-7812345", Hotline: "12345",
        OfficeHours: null, Email: "gkb@baihe.example", WebsiteCode: "6109290001", IcpNumber: null, PoliceNumber: null,
        FooterLinks: "中国政府网 https://www.gov.cn\n\n陕西省人民政府 https://www.shaanxi.gov.cn", FooterNote: null, GuideText: null,
        ReplyLetterhead: "白河县人民政府办公室", ReviewOrgan: "白河县人民政府", Court: "白河县人民法院");

    [Fact]
    public void AValidIdentity_HasNoProblems_AndKeepsWhatWasTyped_Trimmed()
    {
        Assert.Empty(SiteIdentity.Problems(Valid));
        var identity = SiteIdentity.Create(Valid with { Name = "  白河县人民政府 ", NameEn = "  " }, "赵管理", Now);
        Assert.Equal(SiteIdentity.SingletonId, identity.Id);
        Assert.Equal("白河县人民政府", identity.Name);
        Assert.Null(identity.NameEn);
        Assert.Equal((1, "赵管理", Now), (identity.Version, identity.UpdatedBy, identity.UpdatedAt));
        Assert.Equal([new FooterLink("中国政府网", "https://www.gov.cn"), new FooterLink("陕西省人民政府", "https://www.shaanxi.gov.cn")], identity.Links());
    }

    [Theory]
    [InlineData(nameof(SiteIdentityFields.Name), "", "请填写政府名称。")]
    [InlineData(nameof(SiteIdentityFields.SiteName), " ", "请填写网站名称。")]
    [InlineData(nameof(SiteIdentityFields.ReviewOrgan), null, "请填写行政复议机关。")]
    [InlineData(nameof(SiteIdentityFields.Court), "", "请填写管辖法院。")]
    [InlineData(nameof(SiteIdentityFields.Postcode), "72550", "邮政编码应为 6 位数字。")]
    [InlineData(nameof(SiteIdentityFields.Postcode), "７２５５００", "邮政编码应为 6 位数字。")] // full-width digits are not a postcode
    [InlineData(nameof(SiteIdentityFields.WebsiteCode), "610929000", "网站标识码应为 10 位数字。")]
    [InlineData(nameof(SiteIdentityFields.Telephone), "电话0915", "咨询电话只能包含数字、空格、“-”和“、”。")]
    [InlineData(nameof(SiteIdentityFields.Email), "gkb at baihe", "请输入有效的电子邮箱地址，例如 gkb@example.gov.cn。")]
    [InlineData(nameof(SiteIdentityFields.FooterLinks), "中国政府网 https://www.gov.cn\n坏链接", "页脚链接第 2 行应为“名称 网址”，例如：中国政府网 https://www.gov.cn")]
    [InlineData(nameof(SiteIdentityFields.FooterLinks), "脚本 javascript:alert(1)", "页脚链接第 1 行应为“名称 网址”，例如：中国政府网 https://www.gov.cn")]
    public void AnInvalidParticular_IsReportedBesideItsField(string field, string? value, string message)
    {
        var fields = With(Valid, field, value);
        Assert.Contains((field, message), SiteIdentity.Problems(fields));
    }

    [Fact]
    public void TooLongValues_AndTooManyLinks_AreRefused()
    {
        Assert.Contains((nameof(SiteIdentityFields.Name), "政府名称不能超过 60 个字。"), SiteIdentity.Problems(Valid with { Name = new string('县', 61) }));
        var links = string.Join("\n", Enumerable.Range(1, 13).Select(i => $"链接{i} https://example.gov.cn/{i}"));
        Assert.Contains((nameof(SiteIdentityFields.FooterLinks), "页脚链接最多 12 个。"), SiteIdentity.Problems(Valid with { FooterLinks = links }));
    }

    [Fact]
    public void ARefusedUpdate_ChangesNothing()
    {
        var identity = SiteIdentity.Create(Valid, "赵管理", Now);
        var ex = Assert.Throws<DomainException>(() => identity.Update(Valid with { Name = "新名称", Postcode = "1" }, "钱管理", Now.AddDays(1)));
        Assert.Equal("邮政编码应为 6 位数字。", ex.Message);
        Assert.Equal(("白河县人民政府", 1, "赵管理"), (identity.Name, identity.Version, identity.UpdatedBy));
    }

    [Fact]
    public void Changes_NameTheParticularsThatDiffer_IgnoringBlanks()
    {
        Assert.Empty(SiteIdentity.Changes(Valid, Valid with { Name = " 白河县人民政府 ", Operator = "" }));
        Assert.Equal(["网站名称", "便民热线"], SiteIdentity.Changes(Valid, Valid with { SiteName = "白河县政务公开", Hotline = null }));
    }

    [Fact]
    public void TheRemedy_NamesTheReconsiderationBodyAndTheCourt_WithTheStatutoryPeriods()
    {
        var identity = SiteIdentity.Create(Valid, "赵管理", Now);
        Assert.Equal("如对本答复不服，可以自收到本答复之日起60日内向白河县人民政府申请行政复议，或者自收到本答复之日起6个月内向白河县人民法院提起行政诉讼。", identity.Remedy());
    }

    private static SiteIdentityFields With(SiteIdentityFields fields, string property, string? value)
    {
        var copy = fields with { };
        typeof(SiteIdentityFields).GetProperty(property)!.SetValue(copy, value);
        return copy;
    }
}
