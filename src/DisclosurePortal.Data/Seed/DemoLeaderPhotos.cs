using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Demo leaders' photos (issue 20 §2): the housing bureau's 局长 and 副局长 get a photo in a new version of its 机构概况,
/// approved by the office (the version before stays as history, without photos). The photos are neutral placeholders
/// drawn here, a grey head-and-shoulders silhouette on a flat colour, never a picture of a real person.
/// </summary>
internal static class DemoLeaderPhotos
{
    private const string Editor = "演示编辑";
    private const string Reviewer = "演示审核员";

    public static async Task SeedAsync(PortalDbContext db, string attachmentsFolder, int housing, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.UnitProfiles.Include(p => p.Leaders).Include(p => p.Offices)
            .FirstOrDefaultAsync(p => p.DepartmentId == housing && p.State == ProfileState.Published, ct);
        if (current is null) return;
        var colours = new (byte R, byte G, byte B)[] { (0xC9, 0xD6, 0xE3), (0xD9, 0xE2, 0xD0) };
        var draft = current.ToDraft();
        var leaders = new List<LeaderDraft>();
        foreach (var (leader, i) in draft.Leaders.Select((l, i) => (l, i)))
        {
            if (i >= colours.Length)
            {
                leaders.Add(leader);
                continue;
            }
            var (photo, _, _) = LeaderPhotoImage.Check(Silhouette(120, 160, colours[i]));
            var key = $"leader-photos/{now:yyyy}/{Guid.NewGuid():N}.png";
            var path = Path.Combine(attachmentsFolder, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, photo!.Content, ct);
            var row = new LeaderPhoto(housing, photo, key, Convert.ToHexStringLower(SHA256.HashData(photo.Content)), Editor, now.AddDays(-10));
            db.LeaderPhotos.Add(row);
            await db.SaveChangesAsync(ct);
            leaders.Add(leader with { PhotoId = row.Id });
        }
        var number = await db.UnitProfiles.Where(p => p.DepartmentId == housing).MaxAsync(p => p.Number, ct) + 1;
        var next = UnitProfile.Create(housing, number, draft with { Leaders = leaders }, Editor, now.AddDays(-10));
        next.Submit(now.AddDays(-9));
        db.UnitProfiles.Add(next);
        next.Publish(current, Reviewer, now.AddDays(-8));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A PNG (8-bit RGB) of a grey head-and-shoulders silhouette on a flat background.</summary>
    public static byte[] Silhouette(int width, int height, (byte R, byte G, byte B) background)
    {
        var raw = new byte[height * (1 + width * 3)];
        double cx = width / 2.0, headY = height * 0.38, headR = width * 0.22, shoulderY = height * 1.0, shoulderRx = width * 0.44, shoulderRy = height * 0.36;
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - headY, sy = y + 0.5 - shoulderY;
                var figure = dx * dx + dy * dy <= headR * headR || (dx * dx) / (shoulderRx * shoulderRx) + (sy * sy) / (shoulderRy * shoulderRy) <= 1;
                var at = row + 1 + x * 3;
                raw[at] = figure ? (byte)0x8A : background.R;
                raw[at + 1] = figure ? (byte)0x94 : background.G;
                raw[at + 2] = figure ? (byte)0xA0 : background.B;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData.AsSpan(4));
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typeAndData));
        png.Write(four);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
