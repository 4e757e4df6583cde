using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePortal.Web.Tests.Apply.ApplySupport;

namespace DisclosurePortal.Web.Tests.Apply;

/// <summary>The public application form (条例 Art. 29): what is stored, what is refused and how, and the abuse guards.</summary>
public abstract class ApplyFormTests(PortalFactory factory)
{
    private readonly WebApplicationFactory<Program> _app = WithRoomyLimits(factory);

    [Fact]
    public async Task ValidApplication_CreatesOneCaseAwaitingConfirmation_AndTheReceiptShowsItsCode()
    {
        var client = Client(_app);
        var form = Valid();

        var code = await SubmitValidAsync(client, form);

        await using (var db = factory.NewDbContext())
        {
            var cases = await db.ApplicationCases.Include(c => c.Events).Where(c => c.InformationDescription == form["InformationDescription"]).ToListAsync();
            var c = Assert.Single(cases);
            Assert.Equal(code, c.QueryCode);
            Assert.Equal(ApplicationState.AwaitingConfirmation, c.State);
            Assert.Equal(ApplicationChannel.Online, c.Channel);
            Assert.Equal(ApplicantKind.NaturalPerson, c.ApplicantKind);
            Assert.Equal(form["IdentityNumber"], factory.Services.GetRequiredService<PersonalData>().Reveal(c.IdentityNumber));
            Assert.Null(c.ReceivedOn);
            Assert.Equal(ApplicationEventKind.Submitted, Assert.Single(c.Events).Kind);
        }

        var (response, doc) = await Html.GetAsync(client, $"/apply/receipt/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = doc.QuerySelector("#query-code").Text();
        Assert.Equal(12, shown.Length);
        Assert.All(shown, ch => Assert.Contains(ch, Alphabet));
        Assert.Equal(code, shown);
        var page = doc.QuerySelector("main").Text();
        Assert.Contains(IdentityNumbers.Mask(form["IdentityNumber"]), page, StringComparison.Ordinal);
        Assert.DoesNotContain(form["IdentityNumber"], page, StringComparison.Ordinal);
        Assert.Contains("20个工作日", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPage_ExplainsTheProcess_AndIsInTheMainNavigation()
    {
        var (response, doc) = await Html.GetAsync(Client(_app), "/apply");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("page", doc.QuerySelector(".main-nav a[href='/apply']")!.GetAttribute("aria-current"));
        var intro = doc.QuerySelector(".apply-process").Text();
        foreach (var point in new[] { "20个工作日", "补正", "不收取费用", "行政复议" })
            Assert.Contains(point, intro, StringComparison.Ordinal);
        var honeypot = doc.QuerySelector("input[name=website]")!;
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("off", honeypot.GetAttribute("autocomplete"));
        Assert.Equal("true", honeypot.ParentElement!.GetAttribute("aria-hidden"));
        Assert.All(doc.QuerySelectorAll("input[type=radio]"), r => Assert.NotNull(r.Closest("fieldset")?.QuerySelector("legend")));

        var (_, guide) = await Html.GetAsync(Client(_app), "/guide");
        Assert.NotNull(guide.QuerySelector("article a[href='/apply']"));
        Assert.NotNull(guide.QuerySelector("article a[href='/track']"));
    }

    [Theory]
    [InlineData("ApplicantName=", "ApplicantName", "请填写申请人姓名或名称。")]
    // Issue 18: a wrong check digit of an 18-character number is named as such, not reported as a wrong length.
    [InlineData("IdentityNumber=511023198506121230", "IdentityNumber", "身份证号码的最后一位（校验码）与前17位不符，请逐位核对。")]
    [InlineData("IdentityNumber=5110231985061212", "IdentityNumber", "身份证号码应为18位，您填写了16位。")]
    [InlineData("IdentityDocument=2|IdentityNumber=810000199001010010", "IdentityNumber", "港澳居民居住证号码的最后一位（校验码）与前17位不符，请逐位核对。")]
    [InlineData("IdentityDocument=4|IdentityNumber=K12345678", "IdentityNumber", "港澳居民来往内地通行证号码应为H或M加8位数字，例如 H12345678。")]
    [InlineData("ApplicantKind=2|ContactPerson=王经理", "IdentityNumber", "法人或其他组织请填写统一社会信用代码，而不是身份证号码。")]
    [InlineData("InformationDescription=#4001", "InformationDescription", "所需信息的描述不能超过4000字。")]
    [InlineData("ApplicantKind=99", "ApplicantKind", "请选择申请人类型。")]
    [InlineData("ApplicantKind=2", "ContactPerson", "法人或其他组织请填写联系人。")]
    [InlineData("Contact=明天再说", "Contact", "请填写有效的联系电话或电子邮箱。")]
    [InlineData("PostalAddress=", "PostalAddress", "选择邮寄的，请填写通信地址。")]
    [InlineData("ProvisionForm=", "ProvisionForm", "请选择获取信息的形式。")]
    [InlineData("DeliveryMethod=abc", "DeliveryMethod", "请选择获取信息的方式。")]
    // Issue 19: the optional 通知邮箱, checked only when given.
    [InlineData("NotifyEmail=张三丰家", "NotifyEmail", "请填写有效的电子邮箱，例如 name@example.com；不需要邮件通知的请留空。")]
    [InlineData("NotifyEmail=#255", "NotifyEmail", "通知邮箱不能超过254个字符。")]
    public async Task InvalidField_IsExplainedBesideIt_EverythingTypedIsKept_AndNothingIsStored(string changes, string field, string message)
    {
        var form = Valid();
        foreach (var change in changes.Split('|'))
        {
            var (name, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            form[name] = value.StartsWith('#') ? new string('文', int.Parse(value[1..], System.Globalization.CultureInfo.InvariantCulture)) : value;
        }
        var before = await CountAsync();

        // A kind or method the radio buttons do not offer can only be sent by editing the page.
        var offered = changes is not ("ApplicantKind=99" or "DeliveryMethod=abc");
        var response = offered ? await SubmitAsync(Client(_app), form) : await SubmitTamperedAsync(Client(_app), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector($"#{field}-error").Text(), StringComparison.Ordinal);
        Assert.Contains("您已填写的内容均已保留", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        var invalid = doc.QuerySelector($"#{field}") ?? doc.QuerySelector($"input[name={field}]");
        Assert.Equal("true", invalid!.GetAttribute("aria-invalid"));
        foreach (var text in new[] { "ApplicantName", "IdentityNumber", "Contact", "PostalAddress" })
            Assert.Equal(form[text], doc.QuerySelector($"#{text}")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(form["InformationDescription"], doc.QuerySelector("#InformationDescription")!.TextContent);
        foreach (var radio in new[] { "ApplicantKind", "ProvisionForm", "DeliveryMethod" }.Where(r => !changes.Contains(r, StringComparison.Ordinal)))
            Assert.Equal(form[radio], doc.QuerySelector($"input[name={radio}][checked]")?.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnOrganisation_WithItsCreditCodeAndContactPerson_IsAccepted()
    {
        var form = Valid();
        form["ApplicantKind"] = ((int)ApplicantKind.LegalServiceProvider).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["ApplicantName"] = "四川青川测试律师事务所";
        form["IdentityNumber"] = CreditCode().ToLowerInvariant();
        form["ContactPerson"] = "王律师";
        form["Contact"] = "office@example.cn";
        form["DeliveryMethod"] = ((int)DeliveryMethod.Email).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var code = await SubmitValidAsync(Client(_app), form);

        await using var db = factory.NewDbContext();
        var c = await db.ApplicationCases.SingleAsync(x => x.QueryCode == code);
        // Stored encrypted (ADR 20); in clear it is the normalised code.
        Assert.StartsWith(PersonalData.Prefix, c.IdentityNumber, StringComparison.Ordinal);
        var personalData = _app.Services.GetRequiredService<PersonalData>();
        Assert.Equal(CreditCode(), personalData.Reveal(c.IdentityNumber));
        Assert.Equal(personalData.Index(CreditCode()), c.IdentityIndex);
        Assert.Equal("王律师", c.ContactPerson);
        Assert.Equal(DeliveryMethod.Email, c.DeliveryMethod);
    }

    [Fact]
    public async Task HostileValues_Are400s_NeverA500_AndNoMarkupIsReflectedUnescaped()
    {
        const string script = "<script>alert(1)</script>";
        foreach (var (field, value) in new[]
                 {
                     ("ApplicantName", new string('长', 10_000)), ("ApplicantName", "张三\u0000\u0007"), ("ApplicantName", script),
                     ("IdentityNumber", script), ("Contact", script), ("ContactPerson", "王\u001b"), ("PostalAddress", new string('路', 301)),
                     ("InformationDescription", "需要\u0000文件"), ("ApplicantKind", script), ("ProvisionForm", "-1"), ("DeliveryMethod", "9999999999999"),
                 })
        {
            var form = Valid();
            form[field] = value;
            var before = await CountAsync();
            var response = await SubmitTamperedAsync(Client(_app), form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}={value[..Math.Min(12, value.Length)]}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(script, body, StringComparison.Ordinal);
            Assert.Equal(before, await CountAsync());
        }
    }

    [Fact]
    public async Task Honeypot_WhenFilled_LooksAccepted_ButStoresNothing()
    {
        var client = Client(_app);
        var form = Valid();
        form["website"] = "http://spam.example";
        var before = await CountAsync();

        var response = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/apply/receipt", response.Headers.Location!.OriginalString);
        var (receipt, doc) = await Html.GetAsync(client, "/apply/receipt");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Null(doc.QuerySelector("#query-code"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TwoSubmissions_GetDifferentCodes_ThatAreNotSequential()
    {
        var client = Client(_app);
        var first = await SubmitValidAsync(client);
        var second = await SubmitValidAsync(client);

        Assert.NotEqual(first, second);
        var sharedPrefix = first.Zip(second).TakeWhile(p => p.First == p.Second).Count();
        Assert.True(sharedPrefix < 8, $"{first} and {second} look sequential");
        var many = Enumerable.Range(0, 2000).Select(_ => Domain.Applications.QueryCodes.New()).ToList();
        Assert.Equal(many.Count, many.Distinct(StringComparer.Ordinal).Count());
        Assert.All(many, c => Assert.Matches("^[2-9A-HJKMNP-Z]{12}$", c));
    }

    [Fact]
    public async Task SubmittingTooOften_Is429_WithRetryAfter_AndStoresNothingMore()
    {
        await using var limited = Limited(factory, applyPermits: 2, trackPermits: 2);
        var client = Client(limited);
        await SubmitValidAsync(client);
        await SubmitValidAsync(client);
        var before = await CountAsync();

        var refused = await SubmitAsync(client, Valid());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("请求过于频繁", (await Html.ParseAsync(refused)).QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/track?code=x")).StatusCode);
        var tracking = await client.GetAsync("/track?code=x");
        Assert.Equal(HttpStatusCode.TooManyRequests, tracking.StatusCode);
        Assert.NotNull(tracking.Headers.RetryAfter);
    }

    private async Task<int> CountAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.ApplicationCases.CountAsync();
    }

    [Theory]
    [InlineData(IdentityDocument.HongKongMacaoResidencePermit, "810000 19900101 0019", "810000199001010019", "港澳居民居住证")]
    [InlineData(IdentityDocument.HongKongMacaoTravelPermit, "h1234567801", "H1234567801", "港澳居民来往内地通行证")]
    [InlineData(IdentityDocument.TaiwanTravelPermit, "12345678", "12345678", "台湾居民来往大陆通行证")]
    [InlineData(IdentityDocument.ForeignPermanentResidentId, "usa123456789012", "USA123456789012", "外国人永久居留身份证")]
    [InlineData(IdentityDocument.Passport, "E1234-5678", "E12345678", "护照")]
    public async Task APersonWithAnotherDocument_MayApply_TheNumberEncryptedAndMaskedAsAResidentIdIs(IdentityDocument document, string typed, string stored, string name)
    {
        var form = Valid();
        form["IdentityDocument"] = ((int)document).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["IdentityNumber"] = typed;
        var client = Client(_app);

        var code = await SubmitValidAsync(client, form);

        await using (var db = factory.NewDbContext())
        {
            var c = await db.ApplicationCases.SingleAsync(x => x.QueryCode == code);
            Assert.Equal(document, c.IdentityDocument);
            Assert.DoesNotContain(stored, c.IdentityNumber!, StringComparison.Ordinal); // encrypted at rest
            Assert.Equal(stored, factory.Services.GetRequiredService<PersonalData>().Reveal(c.IdentityNumber));
        }
        foreach (var page in new[] { $"/apply/receipt/{code}", $"/track?code={code}" })
        {
            var (_, doc) = await Html.GetAsync(client, page);
            Assert.Equal(name, doc.QuerySelector("#identity-document").Text());
            Assert.Equal(IdentityNumbers.Mask(stored), doc.QuerySelector("#identity").Text());
            Assert.DoesNotContain(stored, doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheForm_MarksRequiredFields_AndShowsEachFormatBeforeAnythingIsTyped()
    {
        var (_, doc) = await Html.GetAsync(Client(_app), "/apply");

        foreach (var field in new[] { "ApplicantName", "IdentityNumber", "Contact", "InformationDescription" })
        {
            Assert.Equal("必填", doc.QuerySelector($"label[for={field}] .required-mark").Text());
            Assert.Equal("true", doc.QuerySelector($"#{field}")!.GetAttribute("aria-required"));
        }
        foreach (var group in new[] { "ApplicantKind", "ProvisionForm", "DeliveryMethod" })
            Assert.Equal("必填", doc.QuerySelector($"input[name={group}]")!.Closest("fieldset")!.QuerySelector("legend .required-mark").Text());
        Assert.Null(doc.QuerySelector("label[for=PostalAddress] .required-mark")); // required only for 邮寄: its hint says so

        var documents = doc.QuerySelectorAll("#IdentityDocument option");
        Assert.Equal(7, documents.Length);
        Assert.Equal("居民身份证", doc.QuerySelector("#IdentityDocument option[selected]").Text());
        Assert.Equal("18位：17位数字，最后一位是数字或X。", doc.QuerySelector("#IdentityNumber-hint").Text());
        Assert.Contains("IdentityNumber-hint", doc.QuerySelector("#IdentityNumber")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(8, doc.QuerySelectorAll(".id-formats dt").Length); // every document's format, and the credit code's

        // Redrawn after a wrong number: the document chosen stays chosen, its format hint comes before the message.
        var form = Valid();
        form["IdentityDocument"] = ((int)IdentityDocument.Passport).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["IdentityNumber"] = "E1";
        var redrawn = await Html.ParseAsync(await SubmitAsync(Client(_app), form));
        Assert.Equal("护照", redrawn.QuerySelector("#IdentityDocument option[selected]").Text());
        var hint = redrawn.QuerySelector("#IdentityNumber-hint")!;
        Assert.Equal("护照上的证件号码，5至17位字母或数字。", hint.Text());
        Assert.Equal("IdentityNumber-error", hint.NextElementSibling!.Id);
        Assert.Equal("护照号码应为5至17位字母或数字。", redrawn.QuerySelector("#IdentityNumber-error").Text());
    }

    [Fact]
    public async Task InEnglish_TheNumbersProblemIsTranslated_WithTheLengthTyped()
    {
        var client = Client(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/culture/en?returnUrl=%2Fapply")).StatusCode); // the switch's cookie
        var form = Valid();
        form["IdentityNumber"] = "5110231985061212";
        var doc = await Html.ParseAsync(await SubmitAsync(client, form));
        Assert.Equal("The resident ID number has 18 characters; you entered 16.", doc.QuerySelector("#IdentityNumber-error").Text());
    }
}

public sealed class ApplyFormOnSqlite(SqlitePortal factory) : ApplyFormTests(factory), IClassFixture<SqlitePortal>;

public sealed class ApplyFormOnPostgres(PostgresPortal factory) : ApplyFormTests(factory), IClassFixture<PostgresPortal>;
