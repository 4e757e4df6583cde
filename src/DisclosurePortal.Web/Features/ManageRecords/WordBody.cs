using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>A picture found in a Word body: it becomes an attachment of the record, and the body says where it was.</summary>
public sealed record WordImage(string FileName, string ContentType, byte[] Content);

/// <summary>The body of a Word document as the portal stores bodies (Markdown), and its pictures.</summary>
public sealed record WordBody(string Markdown, IReadOnlyList<WordImage> Images);

/// <summary>
/// County editors write in Word or WPS (issue 18): a <c>.docx</c> becomes the stored body — paragraphs, headings,
/// numbered and bulleted lists, tables (as pipe tables, the first row as the header), bold and italic, and links to
/// http, https and mailto addresses; pictures become attachments, and the body says "（图片：图片1.png，见附件）" where
/// each was. Anything else (fields, comments, text boxes' layout, colours) is reduced to its text. A file that is not a
/// .docx, or is too large once unpacked, is refused with a reason a person can act on.
/// </summary>
public static class WordBodyReader
{
    /// <summary>Unpacked, a .docx's parts may not exceed this (a small file can unpack to gigabytes: a "zip bomb").</summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    public const string NotADocx = "无法读取该文件：请上传 Word 2007 及以后版本的 .docx 文件（.doc、.wps 文件请先在 Word 或 WPS 中“另存为” .docx）。";

    public static bool TryRead(Stream docx, out WordBody body, out string? problem)
    {
        body = new WordBody(string.Empty, []);
        problem = null;
        using var buffer = new MemoryStream();
        docx.CopyTo(buffer);
        try
        {
            if (!FitsWhenUnpacked(buffer))
            {
                problem = "该 Word 文件解压后过大（超过 100 MB），请删除其中的大图片后重试，或把图片作为附件单独上传。";
                return false;
            }
            buffer.Position = 0;
            using var document = WordprocessingDocument.Open(buffer, false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } content)
            {
                problem = NotADocx;
                return false;
            }
            var reader = new Reader(main);
            body = new WordBody(reader.Read(content), reader.Images);
            if (body.Markdown.Length == 0 && body.Images.Count == 0) problem = "该 Word 文件中没有文字。";
            return problem is null;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FormatException)
        {
            problem = NotADocx;
            return false;
        }
    }

    private static bool FitsWhenUnpacked(MemoryStream buffer)
    {
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.Sum(e => e.Length) <= MaxUnpackedBytes;
    }

    private sealed class Reader(MainDocumentPart main)
    {
        private readonly List<WordImage> _images = [];
        private readonly Dictionary<string, int> _numbered = [];

        public IReadOnlyList<WordImage> Images => _images;

        public string Read(W.Body content)
        {
            var blocks = new List<string>();
            foreach (var element in content.ChildElements)
            {
                var block = element switch
                {
                    W.Paragraph p => Paragraph(p),
                    W.Table t => Table(t),
                    W.SdtBlock sdt => string.Join("\n\n", sdt.Descendants<W.Paragraph>().Select(Paragraph).Where(s => s.Length > 0)),
                    _ => string.Empty,
                };
                if (block.Length > 0) blocks.Add(block);
            }
            // A list's items follow one another without a blank line, so that they stay one list.
            var text = new StringBuilder();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (i > 0) text.Append(IsListItem(blocks[i - 1]) && IsListItem(blocks[i]) ? "\n" : "\n\n");
                text.Append(blocks[i]);
            }
            return text.ToString().Trim();
        }

        private static bool IsListItem(string block) =>
            block.TrimStart().StartsWith("- ", StringComparison.Ordinal) || NumberedItem(block.TrimStart());

        private static bool NumberedItem(string block)
        {
            var dot = block.IndexOf(". ", StringComparison.Ordinal);
            return dot > 0 && dot <= 4 && block[..dot].All(char.IsAsciiDigit);
        }

        private string Paragraph(W.Paragraph p)
        {
            var text = Inline(p).Trim();
            var images = ImagesIn(p);
            if (text.Length == 0) return images;
            if (HeadingLevel(p) is { } level) return new string('#', level) + " " + text + images;
            if (p.ParagraphProperties?.NumberingProperties is { } numbering)
            {
                var depth = numbering.NumberingLevelReference?.Val?.Value ?? 0;
                var indent = new string(' ', 3 * depth);
                return Bulleted(numbering) ? $"{indent}- {text}{images}" : $"{indent}{Next(numbering, depth)}. {text}{images}";
            }
            return EscapeLineStart(text) + images;
        }

        /// <summary>Heading 1–6 by the paragraph's style (its name or id: "heading 1", "Heading1", "标题 1") or outline level.</summary>
        private int? HeadingLevel(W.Paragraph p)
        {
            var styleId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            if (styleId is null) return p.ParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 6 ? outline + 1 : null;
            var style = main.StyleDefinitionsPart?.Styles?.Elements<W.Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            var name = (style?.StyleName?.Val?.Value ?? styleId).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            foreach (var prefix in new[] { "heading", "标题" })
                if (name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(name.AsSpan(prefix.Length), out var level) && level is >= 1 and <= 6)
                    return level;
            var styleOutline = style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
            return styleOutline is { } o && o < 6 ? o + 1 : null;
        }

        private bool Bulleted(W.NumberingProperties numbering)
        {
            var level = LevelOf(numbering);
            return level?.NumberingFormat?.Val?.Value == W.NumberFormatValues.Bullet;
        }

        private W.Level? LevelOf(W.NumberingProperties numbering)
        {
            var numId = numbering.NumberingId?.Val?.Value;
            var depth = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            if (numId is null || definitions is null) return null;
            var instance = definitions.Elements<W.NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNum = definitions.Elements<W.AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            return abstractNum?.Elements<W.Level>().FirstOrDefault(l => l.LevelIndex?.Value == depth);
        }

        /// <summary>The item's number in its list (Markdown renumbers from the first, so only the first matters).</summary>
        private int Next(W.NumberingProperties numbering, int depth)
        {
            var key = $"{numbering.NumberingId?.Val?.Value}:{depth}";
            _numbered[key] = _numbered.GetValueOrDefault(key) + 1;
            return _numbered[key];
        }

        private string Inline(OpenXmlElement container)
        {
            var text = new StringBuilder();
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case W.Run run:
                        text.Append(Run(run));
                        break;
                    case W.Hyperlink link:
                        var label = Inline(link).Trim();
                        var target = link.Id?.Value is { } id ? main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri : null;
                        text.Append(target is { IsAbsoluteUri: true } uri && uri.Scheme is "http" or "https" or "mailto" && label.Length > 0
                            ? $"[{label}]({uri.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)})"
                            : label);
                        break;
                    case W.SimpleField or W.SdtRun or W.InsertedRun or W.SdtContentRun:
                        text.Append(Inline(child));
                        break;
                }
            }
            return text.ToString();
        }

        private static string Run(W.Run run)
        {
            var text = new StringBuilder();
            foreach (var part in run.ChildElements)
            {
                switch (part)
                {
                    case W.Text t: text.Append(Escape(t.Text)); break;
                    case W.TabChar: text.Append(' '); break;
                    case W.Break or W.CarriageReturn: text.Append(' '); break;
                    case W.NoBreakHyphen: text.Append('-'); break;
                }
            }
            var s = text.ToString();
            if (s.Trim().Length == 0) return s;
            var props = run.RunProperties;
            var bold = props?.Bold is { } b && (b.Val is null || b.Val.Value);
            var italic = props?.Italic is { } i && (i.Val is null || i.Val.Value);
            // Emphasis around the words only: "** 文字**" would not render as bold.
            var (lead, core, trail) = (s[..^s.TrimStart().Length], s.Trim(), s[s.TrimEnd().Length..]);
            if (italic) core = $"*{core}*";
            if (bold) core = $"**{core}**";
            return lead + core + trail;
        }

        private string ImagesIn(W.Paragraph p)
        {
            var names = new List<string>();
            foreach (var blip in p.Descendants<DocumentFormat.OpenXml.Drawing.Blip>())
            {
                if (blip.Embed?.Value is not { } id || main.GetPartById(id) is not ImagePart part) continue;
                var extension = part.ContentType switch
                {
                    "image/png" => ".png",
                    "image/jpeg" => ".jpg",
                    "image/gif" => ".gif",
                    _ => null,
                };
                if (extension is null) continue; // EMF/WMF drawings cannot be shown in a browser
                using var stream = part.GetStream();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var name = $"图片{_images.Count + 1}{extension}";
                _images.Add(new WordImage(name, part.ContentType, copy.ToArray()));
                names.Add(name);
            }
            return string.Concat(names.Select(n => $"（图片：{n}，见附件）"));
        }

        private string Table(W.Table table)
        {
            var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().SelectMany(Cell).ToList()).Where(r => r.Count > 0).ToList();
            if (rows.Count == 0) return string.Empty;
            var width = rows.Max(r => r.Count);
            var lines = new List<string>();
            for (var i = 0; i < rows.Count; i++)
            {
                var cells = rows[i].Concat(Enumerable.Repeat(string.Empty, width - rows[i].Count));
                lines.Add("| " + string.Join(" | ", cells) + " |");
                if (i == 0) lines.Add("|" + string.Join("|", Enumerable.Repeat(" --- ", width)) + "|");
            }
            return string.Join("\n", lines);
        }

        /// <summary>A cell's text on one line (a pipe table cannot hold more), and empty cells for the columns it spans.</summary>
        private IEnumerable<string> Cell(W.TableCell cell)
        {
            var text = string.Join(" ", cell.Elements<W.Paragraph>().Select(p => (Inline(p) + ImagesIn(p)).Trim()).Where(s => s.Length > 0)); // "|" is escaped with the rest of the text
            yield return text;
            var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
            for (var i = 1; i < span; i++) yield return string.Empty;
        }

        /// <summary>Characters Markdown would read as markup, inside text.</summary>
        private static string Escape(string text)
        {
            var s = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|') s.Append('\\');
                s.Append(c);
            }
            return s.ToString();
        }

        /// <summary>A paragraph that would start a heading, a quote or a list in Markdown but is plain text in Word.</summary>
        private static string EscapeLineStart(string text)
        {
            if (text.StartsWith('#') || text.StartsWith('+') || text.StartsWith("- ", StringComparison.Ordinal)) return "\\" + text;
            return NumberedItem(text) ? text.Insert(text.IndexOf('.', StringComparison.Ordinal), "\\") : text;
        }
    }
}
