using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.UnitProfiles;

/// <summary>
/// Leaders' photos in 机构概况 (issue 20 §2), through the editor's form as a browser posts it: a photo uploaded with a
/// draft is stored without its metadata, seen by the unit's editors and the office but by nobody else until the version
/// is approved; then the public pages show it, with the leader's name and post as its text, from a URL cached for good.
/// A new draft keeps the published photos unless one is removed. Files that are not JPG/PNG photos of sane size are
/// refused beside the field, keeping what was typed.
/// </summary>
public abstract class LeaderPhotoTests(PortalFactory factory)
{
    private const string Edit = "/manage/profile/edit";
    private const string Photo0 = "Leaders[0].Photo";

    private HttpClient Anonymous() => Browserish.NewClient(factory);

    private async Task<int> DepartmentAsync(string code)
    {
        await using var db = factory.NewDbContext();
        return await db.Departments.Where(d => d.OrganisationCode == code).Select(d => d.Id).SingleAsync();
    }

    private Task<int> FinanceAsync() => DepartmentAsync("11511099076240393N");

    private static int IdOf(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Photo_UploadedSubmittedApproved_IsPublic_WhileADraftsPhotoIsNot()
    {
        var finance = await FinanceAsync();
        var editor = await Browserish.SignedInAsync(factory, "editor.finance");
        var saved = await Browserish.PostWithFilesAsync(editor, Edit, Edit, new() { ["Leaders[1].Duties"] = "分管预算工作。" },
            (Photo0, "王志强.png", PhotoFiles.Png(90, 120, comment: "GPS 32.58N 105.23E, camera SN123456789")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = IdOf(saved);
        var page = $"/manage/profiles/{id}";

        // Stored without the text chunk that carried the position and serial number, as a PNG of the same size.
        await using (var db = factory.NewDbContext())
        {
            var leader = await db.UnitLeaders.Include(l => l.Photo).SingleAsync(l => l.ProfileId == id && l.Position == 1);
            var stored = await File.ReadAllBytesAsync(factory.Services.GetRequiredService<AttachmentStorage>().PathOf(leader.Photo!.StorageKey)!);
            Assert.DoesNotContain("SN123456789", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
            Assert.Equal((PhotoFormat.Png, 90, 120), (LeaderPhotoImage.Detect(stored), leader.Photo.Width, leader.Photo.Height));
            Assert.Equal(finance, leader.Photo.DepartmentId);
            Assert.Null(await db.UnitLeaders.Where(l => l.ProfileId == id && l.Position == 2).Select(l => l.PhotoId).SingleAsync());
        }

        // The draft's photo: its unit's editor sees it; the public and another unit's editor get a 404.
        var (_, draft) = await Html.GetAsync(editor, page);
        var img = draft.QuerySelector("#profile-title ~ section .unit-leaders img") ?? draft.QuerySelector(".unit-leaders img")!;
        Assert.Equal("王志强（局长）", img.GetAttribute("alt"));
        var src = img.GetAttribute("src")!;
        var own = await editor.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.True(own.Headers.CacheControl is { Private: true, Public: false }, own.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(src)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Browserish.SignedInAsync(factory, "editor.housing")).GetAsync(src)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(src[..^1] + (src[^1] == '0' ? '1' : '0'))).StatusCode);

        // Submitted: the office sees the photo in the review and approves it.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, review) = await Html.GetAsync(reviewer, page);
        Assert.Equal(src, review.QuerySelector(".unit-leaders img[alt='王志强（局长）']")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(src)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", [])).StatusCode);

        // Public: the unit's page and the county-wide column show it, small and lazy; only the leader with a photo has an img.
        var (_, unit) = await Html.GetAsync(Anonymous(), $"/departments/{finance}");
        var images = unit.QuerySelectorAll("#profile img");
        var shown = Assert.Single(images);
        Assert.Equal(("王志强（局长）", src, "lazy"), (shown.GetAttribute("alt"), shown.GetAttribute("src"), shown.GetAttribute("loading")));
        var (_, column) = await Html.GetAsync(Anonymous(), "/organisations");
        Assert.NotNull(column.QuerySelector($"main img[alt='王志强（局长）'][src='{src}']"));
        var served = await Anonymous().GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.True(served.Headers.CacheControl is { Public: true, Private: false, MaxAge.TotalDays: >= 365 }, served.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());

        // A new draft starts with the published photo; removing it there leaves the public page as it is.
        var (_, form) = await Html.GetAsync(editor, Edit);
        Assert.NotNull(form.QuerySelector("input[type=hidden][name='Leaders[0].PhotoId']"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name='Leaders[0].RemovePhoto']"));
        var removed = await Browserish.PostFormAsync(editor, Edit, Edit, new Dictionary<string, string> { ["Leaders[0].RemovePhoto"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var next = IdOf(removed);
        var (_, nextPage) = await Html.GetAsync(editor, $"/manage/profiles/{next}");
        Assert.Null(nextPage.QuerySelector(".unit-leaders img"));
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync(src)).StatusCode);

        await using var check = factory.NewDbContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var notes = await check.AuditEvents.Where(a => a.EntityType == "UnitProfile" && a.EntityId == key).OrderBy(a => a.Id).Select(a => new { a.Action, a.Summary }).ToListAsync();
        Assert.Contains(notes, n => n.Action == "unit-profile.edit" && n.Summary!.Contains("上传领导照片：王志强", StringComparison.Ordinal));
        var nextKey = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEvents.AnyAsync(a => a.EntityType == "UnitProfile" && a.EntityId == nextKey && a.Summary!.Contains("删除领导照片：王志强")));
    }

    [Theory]
    [InlineData("程序.jpg", "exe")]
    [InlineData("动图.png", "gif")]
    [InlineData("大图.png", "large")]
    [InlineData("小图.png", "small")]
    public async Task BadFiles_AreRefusedBesideTheField_KeepingWhatWasTyped(string fileName, string kind)
    {
        var health = await DepartmentAsync("11511099016290727W");
        var editor = await Browserish.SignedInAsync(factory, "editor.health");
        byte[] content = kind switch
        {
            "exe" => [0x4D, 0x5A, 0x90, 0x00, .. new byte[400]],
            "gif" => [.. "GIF89a"u8, 0x60, 0x00, 0x60, 0x00, .. new byte[400]],
            "large" => [.. PhotoFiles.Png(100, 100), .. new byte[LeaderPhotoImage.MaxBytes]],
            _ => PhotoFiles.Png(40, 40),
        };
        var message = kind switch
        {
            "exe" or "gif" => "照片只能是 JPG 或 PNG 格式的图片",
            "large" => "照片不能超过 2 MB。",
            _ => "照片的宽和高应在 60 到 4000 像素之间，该照片为 40×40 像素。",
        };
        var tag = Guid.NewGuid().ToString("N")[..8];
        var response = await Browserish.PostWithFilesAsync(editor, Edit, Edit,
            new() { ["Functions"] = $"负责全县卫生健康工作。{tag}", ["Leaders[0].Duties"] = "主持全面工作。" }, (Photo0, fileName, content));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("#Leaders_0__Photo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(tag, doc.QuerySelector("textarea[name=Functions]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("主持全面工作。", doc.QuerySelector("textarea[name='Leaders[0].Duties']")!.TextContent.Trim());
        Assert.Contains("请重新选择照片", doc.QuerySelector("input[name='Leaders[0].Photo']")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.LeaderPhotos.AnyAsync(p => p.DepartmentId == health));
        Assert.False(await db.UnitProfiles.AnyAsync(p => p.DepartmentId == health && p.Functions.Contains(tag)));
    }

    [Fact]
    public async Task AnotherFieldRefused_ThePhotoIsToBeChosenAgain_AndASavedPhotoStays()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        // housing's published version has two photos (demo data): the form keeps them.
        var (_, form) = await Html.GetAsync(editor, Edit);
        var kept = form.QuerySelector("input[name='Leaders[0].PhotoId']")!.GetAttribute("value");
        Assert.NotNull(form.QuerySelector(".leader-photo-current img[alt='赵国平（局长）']"));
        var response = await Browserish.PostWithFilesAsync(editor, Edit, Edit, new() { ["Phone"] = "打电话给我" }, ("Leaders[1].Photo", "孙丽.png", PhotoFiles.Png(80, 100)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("打电话给我", doc.QuerySelector("input[name=Phone]")!.GetAttribute("value"));
        Assert.Equal(kept, doc.QuerySelector("input[name='Leaders[0].PhotoId']")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector(".leader-photo-current img[alt='赵国平（局长）']"));
        Assert.Contains("请重新选择照片", doc.QuerySelector("input[name='Leaders[1].Photo']")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("请重新选择照片", doc.QuerySelector("input[name='Leaders[0].Photo']")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedPhotoId_OfAnotherUnit_IsRefused()
    {
        var finance = await FinanceAsync();
        var housing = await DepartmentAsync(Workflow.WorkflowSupport.HousingOrganisationCode);
        int housingPhoto;
        await using (var db = factory.NewDbContext())
            housingPhoto = await db.LeaderPhotos.Where(p => p.DepartmentId == housing).Select(p => p.Id).FirstAsync();
        var editor = await Browserish.SignedInAsync(factory, "editor.finance");
        var page = await PageForm.FindAsync(editor, Edit, Edit);
        var fields = page.Fill(new Dictionary<string, string> { ["Leaders[0].PhotoId"] = housingPhoto.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tampered: true);
        var response = await editor.PostAsync(Edit, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("照片已不存在", (await Html.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        await using var check = factory.NewDbContext();
        Assert.False(await check.UnitLeaders.AnyAsync(l => l.PhotoId == housingPhoto && check.UnitProfiles.Any(p => p.Id == l.ProfileId && p.DepartmentId == finance)));
    }
}

/// <summary>Small PNGs made here: a flat colour, optionally with a tEXt chunk (the metadata a photo must lose).</summary>
public static class PhotoFiles
{
    public static byte[] Png(int width, int height, string? comment = null)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        if (comment is not null) Chunk(output, "tEXt", [.. "Comment"u8, 0, .. Encoding.Latin1.GetBytes(comment)]);
        var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (var x = 1; x < row.Length; x += 3) (row[x], row[x + 1], row[x + 2]) = ((byte)0xC9, (byte)0xD6, (byte)0xE3);
            for (var y = 0; y < height; y++) z.Write(row);
        }
        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var body = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var four = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        output.Write(four);
        output.Write(body);
        var crc = 0xFFFFFFFFu;
        foreach (var b in body)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        BinaryPrimitives.WriteUInt32BigEndian(four, ~crc);
        output.Write(four);
    }
}

public sealed class LeaderPhotosOnSqlite(SqlitePortal factory) : LeaderPhotoTests(factory), IClassFixture<SqlitePortal>;

public sealed class LeaderPhotosOnPostgres(PostgresPortal factory) : LeaderPhotoTests(factory), IClassFixture<PostgresPortal>;
