using System.Net;
using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Web.Tests.Guides;

/// <summary>
/// 办事指南 as the public reads them (the demo guides): the list by domain, a guide's page with each 办事情形 and its
/// materials and template, and a domain's 办事一本通 as a Word document opened with OpenXml. Drafts are never public.
/// </summary>
public abstract class GuideTests(PortalFactory factory)
{
    private const string Dibao = "城乡居民最低生活保障审核确认";

    private async Task<int> GuideIdAsync(string name)
    {
        await using var db = factory.NewDbContext();
        return await db.ServiceGuides.Where(g => g.Name == name).Select(g => g.Id).FirstAsync();
    }

    [Fact]
    public async Task Guide_ShowsEachSituationWithItsOwnMaterials_AndItsTemplate()
    {
        var id = await GuideIdAsync(Dibao);
        var client = Browserish.NewClient(factory);
        var (_, list) = await Html.GetAsync(client, "/guides");
        Assert.NotNull(list.QuerySelector($".guide-list a[href='/guides/{id}']"));
        Assert.NotNull(list.QuerySelector("a[href='/guides/handbook/social-assistance']"));

        var (response, page) = await Html.GetAsync(client, $"/guides/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var situations = page.QuerySelectorAll(".guide-situation");
        Assert.Equal(3, situations.Length);
        Assert.Contains("委托他人代为申请", situations[1].QuerySelector("h3").Text(), StringComparison.Ordinal);
        Assert.Contains("授权委托书", situations[1].QuerySelector("tbody").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("授权委托书", situations[0].QuerySelector("tbody").Text(), StringComparison.Ordinal);
        Assert.Equal("原件和复印件", situations[0].QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td")[2].Text());
        Assert.NotNull(page.QuerySelector("figure#guide-flow svg[role=img]"));
        Assert.Equal("0839-7202300", page.DefinitionList(".guide-facts")["投诉电话"]);

        var template = page.QuerySelector(".guide-materials a")!;
        Assert.Equal("最低生活保障申请书（样表）.pdf", template.Text());
        var file = await client.GetAsync(template.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await file.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handbook_IsOneWordDocument_WithAHeadingPerGuide_AndAMaterialsTablePerSituation()
    {
        var response = await Browserish.NewClient(factory).GetAsync("/guides/handbook/social-assistance");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        string Style(W.Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        var paragraphs = body.Elements<W.Paragraph>().ToList();
        Assert.Equal("社会救助办事一本通", paragraphs.Single(p => Style(p) == "Title").InnerText);
        var guides = paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Contains(Dibao, guides);
        Assert.Contains("临时救助", guides);
        Assert.DoesNotContain("就业困难人员认定", guides); // another domain's
        var headings = paragraphs.Where(p => Style(p) == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Contains("办事情形：委托他人代为申请", headings);
        Assert.Contains("投诉电话", headings);
        // One materials table per situation: 3 + 2 + 2 in the demo's three 社会救助 guides.
        var tables = body.Elements<W.Table>().ToList();
        Assert.True(tables.Count >= 7);
        var header = tables[0].Elements<W.TableRow>().First().Elements<W.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["序号", "材料名称", "材料形式", "份数", "样表"], header);
        Assert.Equal("最低生活保障申请书", tables[0].Elements<W.TableRow>().ElementAt(1).Elements<W.TableCell>().ElementAt(1).InnerText);
        // The Heading 2 style is declared, so Word builds a table of contents from it.
        Assert.Contains(doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<W.Style>(), s => s.StyleId == "Heading2");
    }

    [Fact]
    public async Task DraftGuide_IsNotPublic_NorInTheHandbook()
    {
        int id;
        await using (var db = factory.NewDbContext())
        {
            var domain = await db.Domains.SingleAsync(d => d.Code == "social-assistance");
            var department = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            var guide = ServiceGuide.Create(department, new GuideDraft
            {
                DomainId = domain.Id, Name = "草稿指南" + Guid.NewGuid().ToString("N")[..8], LegalBasis = "依据", Conditions = "条件",
                Situations = [new("本人申请", [new("身份证", MaterialForm.Original, 1)])], Steps = [new("窗口", "受理", null)],
                TimeLimit = "即时", Fees = "不收费", PlaceAndHours = "窗口", ConsultationPhone = "1", ComplaintPhone = "2",
            }, "测试", null, DateTimeOffset.UtcNow);
            guide.Submit("测试", null, DateTimeOffset.UtcNow);
            db.ServiceGuides.Add(guide);
            await db.SaveChangesAsync();
            id = guide.Id;
        }
        var client = Browserish.NewClient(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/guides/{id}")).StatusCode);
        var (_, list) = await Html.GetAsync(client, "/guides");
        Assert.Null(list.QuerySelector($"a[href='/guides/{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guides/handbook/no-such-domain")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guides/999999")).StatusCode);
    }
}

public sealed class GuidesOnSqlite(SqlitePortal factory) : GuideTests(factory), IClassFixture<SqlitePortal>;

public sealed class GuidesOnPostgres(PostgresPortal factory) : GuideTests(factory), IClassFixture<PostgresPortal>;
