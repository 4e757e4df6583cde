using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Web.Tests.ManageRecords;

/// <summary>Word documents made as Word makes them (styles, numbering, tables, a picture, a link), for the import's tests.</summary>
public static class WordFiles
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGBoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==".Replace("KGBo", "KGgo", StringComparison.Ordinal));

    /// <summary>
    /// 标题 (Heading 1), a paragraph with bold and a link, a numbered list of two, a bulleted list of two, a 3×2 table
    /// with a merged header cell, a paragraph with a picture, and a paragraph that starts with "1." as plain text.
    /// </summary>
    public static byte[] AllKinds()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body());
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(
                new W.Style(new W.StyleName { Val = "heading 1" }) { StyleId = "1", Type = W.StyleValues.Paragraph },
                new W.Style(new W.StyleName { Val = "heading 2" }) { StyleId = "2", Type = W.StyleValues.Paragraph });
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new W.Numbering(
                new W.AbstractNum(new W.Level(new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new W.AbstractNum(new W.Level(new W.NumberingFormat { Val = W.NumberFormatValues.Bullet }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 1 }) { NumberID = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 2 }) { NumberID = 2 });
            var link = main.AddHyperlinkRelationship(new Uri("https://www.gov.cn/zhengce/"), true);
            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(Png)) image.FeedData(png);

            var body = main.Document.Body!;
            body.Append(
                Styled("一、补贴对象", "1"),
                new W.Paragraph(Run("符合条件的"), Run("农村低收入群体", bold: true), Run("，详见"),
                    new W.Hyperlink(Run("中国政府网")) { Id = link.Id }, Run("。")),
                Numbered(1, "提交申请表"), Numbered(1, "核验身份证明"),
                Numbered(2, "户口簿"), Numbered(2, "银行卡"),
                new W.Table(
                    Row(Cell("乡镇", span: 1), Cell("补助金额（元）", span: 2)),
                    Row(Cell("乔庄镇"), Cell("12000"), Cell("已拨付")),
                    Row(Cell("竹园镇"), Cell("8000|另计"), Cell(""))),
                new W.Paragraph(Run("现场照片："), Picture(main.GetIdOfPart(image))),
                new W.Paragraph(Run("1.此行不是列表")),
                new W.Paragraph(),
                Styled("（一）资金来源", "2"));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static byte[] Paragraphs(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(Run(p)))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static W.Paragraph Styled(string text, string styleId) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = styleId }), Run(text));

    private static W.Paragraph Numbered(int numId, string text) =>
        new(new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = numId })), Run(text));

    private static W.Run Run(string text, bool bold = false)
    {
        var run = new W.Run();
        if (bold) run.Append(new W.RunProperties(new W.Bold()));
        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static W.TableRow Row(params W.TableCell[] cells) => new(cells);

    private static W.TableCell Cell(string text, int span = 1)
    {
        var cell = new W.TableCell();
        if (span > 1) cell.Append(new W.TableCellProperties(new W.GridSpan { Val = span }));
        cell.Append(new W.Paragraph(Run(text)));
        return cell;
    }

    private static W.Run Picture(string relationshipId) => new(new W.Drawing(
        new DW.Inline(
            new DW.Extent { Cx = 9525, Cy = 9525 },
            new DW.DocProperties { Id = 1, Name = "Picture 1" },
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = "p.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 9525, Cy = 9525 }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))));
}
