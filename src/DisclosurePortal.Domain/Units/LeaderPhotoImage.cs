using System.Buffers.Binary;

namespace DisclosurePortal.Domain.Units;

/// <summary>The two picture formats a leader's photo may be in, recognised by their bytes.</summary>
public enum PhotoFormat
{
    Jpeg = 1,
    Png = 2,
}

/// <summary>A photo as checked: its format, its size in pixels read from its header, and its bytes without metadata.</summary>
public sealed record CheckedPhoto(PhotoFormat Format, int Width, int Height, byte[] Content)
{
    public string ContentType => Format == PhotoFormat.Png ? "image/png" : "image/jpeg";
    public string Extension => Format == PhotoFormat.Png ? ".png" : ".jpg";
}

/// <summary>
/// A leader's photo (领导名录, issue 20 §2): JPEG or PNG only, recognised by the content and never by the name; at most
/// <see cref="MaxBytes"/>; between <see cref="MinPixels"/> and <see cref="MaxPixels"/> pixels wide and high, read from
/// the header. What is published is a portrait, nothing more: the metadata a camera or phone writes into the file (EXIF
/// with the GPS position where it was taken, camera serial numbers, XMP, IPTC, comments) is removed before it is stored
/// (《个人信息保护法》第六条: no more personal information than the purpose needs). BCL only.
/// </summary>
public static class LeaderPhotoImage
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MinPixels = 60;
    public const int MaxPixels = 4000;

    public const string NotAPicture = "照片只能是 JPG 或 PNG 格式的图片，该文件的内容不是。";
    public const string Unreadable = "无法读取该图片（文件可能已损坏），请换一张照片。";
    public const string TooLarge = "照片不能超过 2 MB。";
    public const string Empty = "请选择照片文件。";
    /// <summary>{0}×{1}: the photo's width and height.</summary>
    public const string BadDimensions = "照片的宽和高应在 60 到 4000 像素之间，该照片为 {0}×{1} 像素。";

    /// <summary>The checked photo with its metadata removed, or why it is refused (a message with its arguments).</summary>
    public static (CheckedPhoto? Photo, string? Problem, object[] Args) Check(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return (null, Empty, []);
        if (content.Length > MaxBytes) return (null, TooLarge, []);
        var format = Detect(content);
        if (format is null) return (null, NotAPicture, []);
        byte[]? stripped;
        (int Width, int Height)? size;
        try
        {
            stripped = format == PhotoFormat.Png ? StripPng(content) : StripJpeg(content);
            size = stripped is null ? null : format == PhotoFormat.Png ? PngSize(stripped) : JpegSize(stripped);
        }
        catch (ArgumentOutOfRangeException)
        {
            stripped = null;
            size = null;
        }
        if (stripped is null || size is not { } s) return (null, Unreadable, []);
        if (s.Width < MinPixels || s.Height < MinPixels || s.Width > MaxPixels || s.Height > MaxPixels)
            return (null, BadDimensions, [s.Width, s.Height]);
        return (new CheckedPhoto(format.Value, s.Width, s.Height, stripped), null, []);
    }

    /// <summary>JPEG or PNG by the first bytes; null for anything else (a GIF, a program renamed .jpg).</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 8 && content[..8].SequenceEqual(PngSignature)) return PhotoFormat.Png;
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return PhotoFormat.Jpeg;
        return null;
    }

    /// <summary>
    /// The photo without metadata, the picture itself unchanged: for a JPEG the APP1–APP15 segments (EXIF and its GPS
    /// block, XMP, IPTC/Photoshop APP13, maker notes) and comments are dropped, except an ICC colour profile (APP2) and
    /// Adobe's colour-transform flag (APP14) that the colours depend on, and anything after the end of the image (a
    /// second embedded picture, a vendor's trailer); for a PNG only the chunks that draw the picture are kept (eXIf,
    /// tEXt, iTXt, zTXt, tIME and any other go). Null when the file is not well formed.
    /// </summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> content) => Detect(content) switch
    {
        PhotoFormat.Png => StripPng(content),
        PhotoFormat.Jpeg => StripJpeg(content),
        _ => null,
    };

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The chunks that make the picture and its colours (ISO/IEC 15948: critical chunks and colour information).</summary>
    private static readonly HashSet<string> PngKept = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"];

    private static byte[]? StripPng(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream(content.Length);
        output.Write(PngSignature);
        var at = 8;
        var first = true;
        while (at + 12 <= content.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > content.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(content.Slice(at + 4, 4));
            if (first && (type != "IHDR" || length != 13)) return null;
            first = false;
            var whole = content.Slice(at, 12 + (int)length);
            if (PngKept.Contains(type)) output.Write(whole);
            // An unknown critical chunk (upper-case first letter) is part of the picture: such a file is not a plain PNG.
            else if (char.IsUpper(type[0])) return null;
            at += whole.Length;
            if (type == "IEND") return output.ToArray();
        }
        return null;
    }

    private static (int, int)? PngSize(ReadOnlySpan<byte> png) =>
        ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[20..]), int.MaxValue));

    private static byte[]? StripJpeg(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream(content.Length);
        output.Write([0xFF, 0xD8]);
        var at = 2;
        var frame = false;
        while (at < content.Length)
        {
            // Fill bytes (0xFF repeated) may come before a marker.
            if (content[at] != 0xFF) return null;
            while (at < content.Length && content[at] == 0xFF) at++;
            if (at >= content.Length) return null;
            var marker = content[at++];
            if (marker == 0xD9)
            {
                output.Write([0xFF, 0xD9]);
                return frame ? output.ToArray() : null;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) return null; // no length: only inside the scan data
            if (at + 2 > content.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(content[at..]);
            if (length < 2 || at + length > content.Length) return null;
            var segment = content.Slice(at - 2, length + 2);
            at += length;
            if (IsStartOfFrame(marker)) frame = true;
            if (KeepJpegSegment(marker, segment[4..])) output.Write(segment);
            if (marker != 0xDA) continue;
            // The scan's entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
            var start = at;
            while (at + 1 < content.Length && !(content[at] == 0xFF && content[at + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7) and not 0xFF))
                at++;
            if (at + 1 >= content.Length) return null;
            output.Write(content[start..at]);
        }
        return null;
    }

    /// <summary>APP0 (JFIF), an ICC profile in APP2, Adobe's APP14 and every non-APP, non-comment segment are kept.</summary>
    private static bool KeepJpegSegment(byte marker, ReadOnlySpan<byte> body)
    {
        if (marker == 0xFE) return false; // COM
        if (marker is < 0xE0 or > 0xEF) return true;
        return marker switch
        {
            0xE0 => body.StartsWith("JFIF\0"u8) || body.StartsWith("JFXX\0"u8),
            0xE2 => body.StartsWith("ICC_PROFILE\0"u8),
            0xEE => body.StartsWith("Adobe"u8),
            _ => false,
        };
    }

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).</summary>
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static (int, int)? JpegSize(ReadOnlySpan<byte> jpeg)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF) return null;
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (IsStartOfFrame(marker))
                return length < 7 || at + 9 > jpeg.Length ? null
                    : (BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 5)..]));
            if (marker == 0xDA) return null; // a scan before any frame header
            at += 2 + length;
        }
        return null;
    }
}
