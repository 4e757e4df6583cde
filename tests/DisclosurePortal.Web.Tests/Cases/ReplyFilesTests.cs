using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Features.Cases;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Cases;

/// <summary>
/// Issue 18: a reply "现予以提供（见附件）" carries its files, uploaded with the reply through the case page's form and
/// stored as record attachments are; the applicant who chose 网上获取 downloads them from the tracking page, and only
/// with the query code. The paper registration asks a person for the 证件类型 too.
/// </summary>
public abstract class ReplyFilesTests(PortalFactory factory)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private string Today => factory.Clock.Today().ToString("yyyy-MM-dd");

    private async Task<ApplicationCase> ReceivedAsync(DeliveryMethod delivery, string description = "2025年农村危房改造补助资金发放明细及金额。")
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var now = factory.Clock.GetUtcNow();
        var c = ApplicationCase.Submit(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "陈大文", IdentityDocument = IdentityDocument.HongKongMacaoTravelPermit,
            IdentityNumber = "H12345678", Contact = "chan@example.hk", InformationDescription = description, DeliveryMethod = delivery,
            Channel = ApplicationChannel.Online,
        }, QueryCodes.New(), now.AddMinutes(-5));
        c.ConfirmReceipt(factory.Clock.Today(), "王审核", now, await CalendarLoader.LoadAsync(db), factory.Clock.Today());
        db.ApplicationCases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>The reply drafted from 予以公开 and sent through the page's own form, with one file.</summary>
    private async Task<HttpResponseMessage> ReplyWithFileAsync(HttpClient reviewer, int id, string fileName, byte[] content)
    {
        var page = $"/cases/{id}?template=disclosed";
        var (_, drafted) = await Html.GetAsync(reviewer, page);
        var letter = drafted.QuerySelector("#text-Reply").Text();
        return await Browserish.UploadAsync(reviewer, page, $"/cases/{id}/reply", fileName, content, "application/pdf",
            new() { ["On"] = Today, ["Text"] = letter });
    }

    [Fact]
    public async Task AReplyCarriesItsFile_AndTheApplicantWhoChoseOnline_DownloadsItWithTheQueryCodeOnly()
    {
        var c = await ReceivedAsync(DeliveryMethod.Online);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");

        Assert.Equal(HttpStatusCode.Redirect, (await ReplyWithFileAsync(reviewer, c.Id, "立项批复.pdf", Pdf)).StatusCode);

        ReplyAttachment file;
        await using (var db = factory.NewDbContext())
        {
            var saved = await db.ApplicationCases.SingleAsync(x => x.Id == c.Id);
            Assert.Equal(ApplicationState.Replied, saved.State);
            Assert.Contains("申请获取“2025年农村危房改造补助资金发放明细及金额”。", saved.ReplyLetter, StringComparison.Ordinal); // not "…金额。”。"
            Assert.Contains("现予以提供（见附件）", saved.ReplyLetter, StringComparison.Ordinal);
            file = await db.ReplyAttachments.SingleAsync(a => a.CaseId == c.Id);
        }
        Assert.Equal("立项批复.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), file.Sha256);
        Assert.True(File.Exists(Path.Combine(factory.AttachmentsFolder, file.StorageKey)));

        var (_, casePage) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Equal("立项批复.pdf", casePage.QuerySelector("#case-reply-files a").Text());
        Assert.Equal("港澳居民来往内地通行证", casePage.QuerySelector("#case-identity-document").Text());

        var applicant = Browserish.NewClient(factory);
        var (_, track) = await Html.GetAsync(applicant, $"/track?code={c.QueryCode}");
        var link = track.QuerySelector("#reply-files a")!;
        Assert.Equal("立项批复.pdf", link.Text());
        var href = link.GetAttribute("href")!;
        Assert.Equal($"/track/{c.QueryCode}/files/{file.Id}", href);
        var download = await applicant.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);

        // Another case's code, a made-up code, or the file's id alone: nothing.
        var other = await ReceivedAsync(DeliveryMethod.Online);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/track/{other.QueryCode}/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/track/ABCDEFGHJKMN/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await applicant.GetAsync($"/track/{file.Id}/files/{file.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync($"/cases/{c.Id}/files/{file.Id}")).StatusCode); // the office's way in needs a sign-in
    }

    [Fact]
    public async Task AnApplicantWhoChoseThePost_GetsNoDownload_ThePageSaysHowTheFilesCome()
    {
        var c = await ReceivedAsync(DeliveryMethod.Post);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyWithFileAsync(reviewer, c.Id, "明细.pdf", Pdf)).StatusCode);
        int fileId;
        await using (var db = factory.NewDbContext())
            fileId = (await db.ReplyAttachments.SingleAsync(a => a.CaseId == c.Id)).Id;

        var applicant = Browserish.NewClient(factory);
        var (_, track) = await Html.GetAsync(applicant, $"/track?code={c.QueryCode}");
        Assert.Null(track.QuerySelector("#reply-files"));
        Assert.Contains("邮寄", track.QuerySelector("#reply-files-elsewhere").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/track/{c.QueryCode}/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task AFileThatIsNotWhatItsNameSays_RefusesTheReply_AndNothingIsStored()
    {
        var c = await ReceivedAsync(DeliveryMethod.Online);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");

        var response = await ReplyWithFileAsync(reviewer, c.Id, "批复.pdf", "MZ\u0090\0 not a pdf"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("附件只能是", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Contains("现予以提供（见附件）", page.QuerySelector("#text-Reply").Text(), StringComparison.Ordinal); // the letter typed is kept
        await using var db = factory.NewDbContext();
        Assert.Equal(ApplicationState.InProgress, (await db.ApplicationCases.SingleAsync(x => x.Id == c.Id)).State);
        Assert.False(await db.ReplyAttachments.AnyAsync(a => a.CaseId == c.Id));
    }

    [Fact]
    public async Task APaperApplication_OfAPersonWithAPassport_IsRegisteredWithItsDocument()
    {
        _ = factory.Server;
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var form = new Dictionary<string, string>
        {
            ["channel"] = "1", ["receivedOn"] = Today, ["ApplicantKind"] = "1", ["ApplicantName"] = "John Smith",
            ["IdentityDocument"] = ((int)IdentityDocument.Passport).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IdentityNumber"] = "x", ["Contact"] = "john@example.com", ["PostalAddress"] = "",
            ["InformationDescription"] = $"外商投资项目备案办理时限 {Guid.NewGuid():N}", ["ProvisionForm"] = "1", ["DeliveryMethod"] = "3",
        };

        var refused = await Browserish.PostFormAsync(reviewer, "/cases/new", "/cases/new", form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var redrawn = await Html.ParseAsync(refused);
        Assert.Equal("护照号码应为5至17位字母或数字。", redrawn.QuerySelector("#IdentityNumber-error").Text());
        Assert.Equal("护照", redrawn.QuerySelector("#IdentityDocument option[selected]").Text());

        form["IdentityNumber"] = "533123456";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, "/cases/new", "/cases/new", form)).StatusCode);
        await using var db = factory.NewDbContext();
        var c = await db.ApplicationCases.SingleAsync(x => x.InformationDescription == form["InformationDescription"]);
        Assert.Equal(IdentityDocument.Passport, c.IdentityDocument);
    }
}

public sealed class ReplyFilesOnSqlite(SqlitePortal factory) : ReplyFilesTests(factory), IClassFixture<SqlitePortal>;

public sealed class ReplyFilesOnPostgres(PostgresPortal factory) : ReplyFilesTests(factory), IClassFixture<PostgresPortal>;

/// <summary>How a reply letter quotes the request.</summary>
public sealed class ReplyQuoteTests
{
    [Theory]
    [InlineData("2025年农村危房改造补助资金发放明细及金额。", "2025年农村危房改造补助资金发放明细及金额")]
    [InlineData("青发改〔2025〕18号文件；", "青发改〔2025〕18号文件")]
    [InlineData("乡镇名单\n及金额。", "乡镇名单 及金额")]
    [InlineData("补助标准是多少？", "补助标准是多少？")]
    public void TheQuotedRequest_HasNoFullStopOfItsOwn(string description, string quoted) =>
        Assert.Equal(quoted, ReplyTemplates.Quoted(description));

    [Fact]
    public void ALongRequest_IsCutAt60Characters_WithoutAStopBeforeTheEllipsis()
    {
        var description = new string('甲', 59) + "。之后的内容";
        Assert.Equal(new string('甲', 59) + "……", ReplyTemplates.Quoted(description));
        var letter = ReplyTemplates.Fill(ReplyTemplates.Find("disclosed")!, "张三", new DateOnly(2026, 3, 2), "2025年度预算。");
        Assert.Contains("申请获取“2025年度预算”。", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("。”。", letter, StringComparison.Ordinal);
    }
}
