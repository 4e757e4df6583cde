using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DisclosurePortal.Domain.Units;

namespace DisclosurePortal.Domain.Tests.Units;

/// <summary>
/// A leader's photo: JPEG or PNG by content only, size and pixel limits from the header, and the metadata a camera
/// writes (EXIF with GPS, serial numbers, IPTC, XMP, comments; PNG text chunks) removed with the picture unchanged.
/// </summary>
public sealed class LeaderPhotoImageTests
{
    /// <summary>
    /// A 64×80 grey JPEG (made with cjpeg) to which exiftool added an EXIF block with a GPS position, a camera serial
    /// number, IPTC keywords (APP13), XMP (APP1) and a comment (COM).
    /// </summary>
    private static readonly byte[] JpegWithGps = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/4QFORXhpZgAATU0AKgAAAAgACAEPAAIAAAAIAAAAbgEQAAIAAAADVDEAAAEaAAUAAAABAAAAdgEbAAUAAAABAAAAfgEo" +
        "AAMAAAABAAEAAAITAAMAAAABAAEAAIdpAAQAAAABAAAAhoglAAQAAAABAAAA1AAAAABUZXN0Q2FtAAAAAAEAAAABAAAAAQAAAAEABZAAAAcAAAAEMDIzMpEB" +
        "AAcAAAAEAQIDAKAAAAcAAAAEMDEwMKABAAMAAAAB//8AAKQxAAIAAAAMAAAAyAAAAABTTjEyMzQ1Njc4OQAABQAAAAEAAAAEAgMAAAABAAIAAAACTgAAAAAC" +
        "AAUAAAADAAABFgADAAIAAAACRQAAAAAEAAUAAAADAAABLgAAAAAAAAAgAAAAAQAAACIAAAABAAAAMAAAAAEAAABpAAAAAQAAAA0AAAABAAAAMAAAAAH/7QA2" +
        "UGhvdG9zaG9wIDMuMAA4QklNBAQAAAAAABocAhkADnNlY3JldC1rZXl3b3JkHAIAAAIABP/hCz5odHRwOi8vbnMuYWRvYmUuY29tL3hhcC8xLjAvADw/eHBh" +
        "Y2tldCBiZWdpbj0n77u/JyBpZD0nVzVNME1wQ2VoaUh6cmVTek5UY3prYzlkJz8+Cjx4OnhtcG1ldGEgeG1sbnM6eD0nYWRvYmU6bnM6bWV0YS8nIHg6eG1w" +
        "dGs9J0ltYWdlOjpFeGlmVG9vbCAxMi41Nyc+CjxyZGY6UkRGIHhtbG5zOnJkZj0naHR0cDovL3d3dy53My5vcmcvMTk5OS8wMi8yMi1yZGYtc3ludGF4LW5z" +
        "Iyc+CgogPHJkZjpEZXNjcmlwdGlvbiByZGY6YWJvdXQ9JycKICB4bWxuczpkYz0naHR0cDovL3B1cmwub3JnL2RjL2VsZW1lbnRzLzEuMS8nPgogIDxkYzpj" +
        "cmVhdG9yPgogICA8cmRmOlNlcT4KICAgIDxyZGY6bGk+cGhvdG9ncmFwaGVyPC9yZGY6bGk+CiAgIDwvcmRmOlNlcT4KICA8L2RjOmNyZWF0b3I+CiA8L3Jk" +
        "ZjpEZXNjcmlwdGlvbj4KPC9yZGY6UkRGPgo8L3g6eG1wbWV0YT4KICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAogICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAogICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAKICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgIAogICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAogICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCiAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "IAogICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAKICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAogICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAogICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCiAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAK" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgIAogICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg" +
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKPD94cGFja2V0IGVuZD0ndyc/Pv/+AA5jb21tZW50LWhlcmX/2wBDAA0JCgsKCA0LCgsODg0PEyAV" +
        "ExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09P" +
        "T09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCABQAEADASIAAhEBAxEB/8QAGQABAQEBAQEAAAAAAAAAAAAAAAUDBAYC/8QAJxAAAgIBAwIFBQAAAAAA" +
        "AAAAAAECAxEEElEFIRMiMUFiFCNhkbH/xAAWAQEBAQAAAAAAAAAAAAAAAAAAAQL/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwD1oANoAAAA" +
        "AAAAAADm1uq+nglHa7H6J8ckiyydkt1knJ/k36i29ZPLfbGP0coH1GUoy3Rk4te6eCrodY78wt2qa9PkSDXStrVVYbXnX9AvAAAAAJPU6pR1Hi4bjPHfh8HE" +
        "egtqhbDZZFSRPs6ZPd9ucXH5dmBPOnQ1St1MGk8Qak3wax6Za5eacEuVllGiiuiO2uOM+r92BoAAAAAAAAAAAAAAAAAAAAAAAD//2Q==");

    /// <summary>A 64×64 PNG with tEXt, tIME, iTXt, zTXt and eXIf chunks around its pixels (and a pHYs that stays).</summary>
    private static readonly byte[] PngWithText = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAGnRFWHRDb21tZW50AEdQUyAzMi41OE4gMTA1LjIzRfu+d2oAAAAJcEhZcwAACxMAAAsTAQCa" +
        "nBgAAAAHdElNRQfqDAYKAACWB6VPAAAAe0lEQVR4nO3PUQkAIBTAwNc/lRGMYBRD+HEIgwW4zdrn64YLGtCCBrSgAS1oQAsa0IIGtKABLWhACxrQgga0oAEt" +
        "aEALGtCCBrSgAS1oQAsa0IIGtKABLWhACxrQgga0oAEtaEALGtCCBrSgAS1oQAsa0IIGtKABLXjsAlR7AkohQCmPAAAAGGlUWHRBdXRob3IAAAAAAHNlY3Jl" +
        "dC1hdXRob3JdrvkGAAAAG3pUWHRTZXJpYWwAAHicC/YzNDI2MTUzt7AEAA+9An/V2cwnAAAACmVYSWZNTQAqAAAACAAAvqDyrwAAAABJRU5ErkJggg==");

    private static readonly string[] Secrets = ["SN123456789", "secret-keyword", "photographer", "comment-here", "Exif", "GPS", "secret-author", "http://ns.adobe.com"];

    [Fact]
    public void Jpeg_WithExifGps_ComesOutWithoutIt_TheSamePicture()
    {
        Assert.Contains("SN123456789", Latin1(JpegWithGps), StringComparison.Ordinal);
        var (photo, problem, _) = LeaderPhotoImage.Check(JpegWithGps);
        Assert.Null(problem);
        Assert.Equal(PhotoFormat.Jpeg, photo!.Format);
        Assert.Equal((64, 80), (photo.Width, photo.Height));
        var text = Latin1(photo.Content);
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        // Still a JPEG: SOI … tables, frame, scan … EOI, with only JFIF as an APP segment, and its scan data byte for byte.
        var before = JpegParts(JpegWithGps);
        var after = JpegParts(photo.Content);
        Assert.Equal([0xE0], after.Markers.Where(m => m is >= 0xE0 and <= 0xEF or 0xFE).Distinct());
        Assert.Contains(0xC0, after.Markers);
        Assert.Contains(0xC4, after.Markers);
        Assert.Contains(0xDB, after.Markers);
        Assert.Equal(before.Markers.Where(m => m is < 0xE0 or > 0xEF and not 0xFE), after.Markers.Where(m => m is < 0xE0 or > 0xEF and not 0xFE));
        Assert.Equal(before.Scan, after.Scan);
        Assert.True(photo.Content.Length < JpegWithGps.Length);
    }

    [Fact]
    public void Png_WithTextChunks_ComesOutWithoutThem_TheSamePixels()
    {
        var (photo, problem, _) = LeaderPhotoImage.Check(PngWithText);
        Assert.Null(problem);
        Assert.Equal(PhotoFormat.Png, photo!.Format);
        Assert.Equal((64, 64), (photo.Width, photo.Height));
        var before = PngChunks(PngWithText);
        var after = PngChunks(photo.Content);
        Assert.Equal(["IHDR", "tEXt", "pHYs", "tIME", "IDAT", "iTXt", "zTXt", "eXIf", "IEND"], before.Select(c => c.Type));
        Assert.Equal(["IHDR", "pHYs", "IDAT", "IEND"], after.Select(c => c.Type));
        Assert.Equal(before.Single(c => c.Type == "IDAT").Data, after.Single(c => c.Type == "IDAT").Data);
        Assert.All(after, c => Assert.True(c.CrcOk, c.Type));
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, Latin1(photo.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void StrippingTwice_ChangesNothingMore()
    {
        var once = LeaderPhotoImage.StripMetadata(JpegWithGps)!;
        Assert.Equal(once, LeaderPhotoImage.StripMetadata(once));
        var png = LeaderPhotoImage.StripMetadata(PngWithText)!;
        Assert.Equal(png, LeaderPhotoImage.StripMetadata(png));
    }

    [Fact]
    public void AGif_AProgramRenamed_AndText_AreNotPictures()
    {
        Assert.Equal(LeaderPhotoImage.NotAPicture, LeaderPhotoImage.Check("GIF89a\u0040\u0000\u0040\u0000"u8.ToArray()).Problem);
        Assert.Equal(LeaderPhotoImage.NotAPicture, LeaderPhotoImage.Check([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]).Problem);
        Assert.Equal(LeaderPhotoImage.NotAPicture, LeaderPhotoImage.Check("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()).Problem);
        Assert.Equal(LeaderPhotoImage.Empty, LeaderPhotoImage.Check([]).Problem);
    }

    [Fact]
    public void ACutOrDamagedFile_IsUnreadable_NeverAnException()
    {
        for (var cut = 3; cut < JpegWithGps.Length; cut += 97)
            Assert.Equal(LeaderPhotoImage.Unreadable, LeaderPhotoImage.Check(JpegWithGps.AsSpan(0, cut)).Problem);
        for (var cut = 8; cut < PngWithText.Length; cut += 13)
            Assert.Equal(LeaderPhotoImage.Unreadable, LeaderPhotoImage.Check(PngWithText.AsSpan(0, cut)).Problem);
        var bad = (byte[])PngWithText.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(bad.AsSpan(8), 0xFFFFFFF0);
        Assert.Equal(LeaderPhotoImage.Unreadable, LeaderPhotoImage.Check(bad).Problem);
    }

    [Theory]
    [InlineData(59, 80)]
    [InlineData(80, 40)]
    [InlineData(4001, 100)]
    [InlineData(100, 60000)]
    public void Dimensions_OutsideTheLimits_AreRefusedWithTheSize(int width, int height)
    {
        var (photo, problem, args) = LeaderPhotoImage.Check(Png(width, height));
        Assert.Null(photo);
        Assert.Equal(LeaderPhotoImage.BadDimensions, problem);
        Assert.Equal([width, height], args);
    }

    [Theory]
    [InlineData(60, 60)]
    [InlineData(4000, 60)]
    public void Dimensions_AtTheLimits_AreAccepted(int width, int height) =>
        Assert.Null(LeaderPhotoImage.Check(Png(width, height)).Problem);

    [Fact]
    public void MoreThan2MB_IsRefused()
    {
        var big = new byte[LeaderPhotoImage.MaxBytes + 1];
        PngWithText.CopyTo(big, 0);
        Assert.Equal(LeaderPhotoImage.TooLarge, LeaderPhotoImage.Check(big).Problem);
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The markers in order, and the bytes of the entropy-coded data (an independent walk of the file).</summary>
    private static (List<int> Markers, byte[] Scan) JpegParts(byte[] jpeg)
    {
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        var markers = new List<int>();
        var scan = new MemoryStream();
        var at = 2;
        while (true)
        {
            Assert.Equal(0xFF, jpeg[at]);
            var marker = jpeg[at + 1];
            markers.Add(marker);
            if (marker == 0xD9) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            at += 2 + length;
            if (marker != 0xDA) continue;
            var start = at;
            while (!(jpeg[at] == 0xFF && jpeg[at + 1] != 0 && jpeg[at + 1] is < 0xD0 or > 0xD7)) at++;
            scan.Write(jpeg, start, at - start);
        }
        Assert.Equal(jpeg.Length, at + 2);
        return (markers, scan.ToArray());
    }

    private static List<(string Type, byte[] Data, bool CrcOk)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[], bool)>();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            chunks.Add((type, png[(at + 8)..(at + 8 + length)], crc == Crc32(png.AsSpan(at + 4, 4 + length))));
            at += 12 + length;
        }
        return chunks;
    }

    /// <summary>A flat grey PNG of the given size (the pixels compress to almost nothing).</summary>
    private static byte[] Png(int width, int height)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            if ((long)width * height <= 4_000_000) for (var y = 0; y < height; y++) z.Write(row);
        }
        Chunk(output, "IHDR", header);
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
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(body));
        output.Write(four);
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
