using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Pages;

public abstract class AttachmentTests(PortalFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(int Published, int Draft, int Escaping)> ArrangeAsync()
    {
        await using var db = factory.NewDbContext();
        var (_, pv) = await new RecordBuilder(db, factory.Clock).Published().SaveAsync();
        var (_, dv) = await new RecordBuilder(db, factory.Clock).SaveAsync();

        var key = $"{Guid.NewGuid():N}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(factory.AttachmentsFolder, key), "%PDF-1.7 test"u8.ToArray());
        var secret = Path.Combine(Path.GetDirectoryName(factory.AttachmentsFolder)!, $"secret-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "outside the folder");
        var a1 = new Attachment(pv.Id, "青川县2026年补助名单.pdf", "application/pdf", 13, key, new string('0', 64), factory.Clock.GetUtcNow(), "测试");
        var a2 = new Attachment(dv.Id, "草稿附件.pdf", "application/pdf", 13, key, new string('0', 64), factory.Clock.GetUtcNow(), "测试");
        var a3 = new Attachment(pv.Id, "escape.txt", "text/plain", 18, Path.Combine("..", Path.GetFileName(secret)), new string('0', 64), factory.Clock.GetUtcNow(), "测试");
        db.Attachments.AddRange(a1, a2, a3);
        await db.SaveChangesAsync();
        return (a1.Id, a2.Id, a3.Id);
    }

    [Fact]
    public async Task PublishedAttachment_DownloadsWithASafeDisposition_OthersAreNotFound()
    {
        var (published, draft, escaping) = await ArrangeAsync();

        var response = await _client.GetAsync($"/attachments/{published}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("青川县2026年补助名单.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("%PDF-1.7 test", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/attachments/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/attachments/{escaping}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/attachments/987654")).StatusCode);
    }
}

public sealed class AttachmentsOnSqlite(SqlitePortal factory) : AttachmentTests(factory), IClassFixture<SqlitePortal>;

public sealed class AttachmentsOnPostgres(PostgresPortal factory) : AttachmentTests(factory), IClassFixture<PostgresPortal>;
