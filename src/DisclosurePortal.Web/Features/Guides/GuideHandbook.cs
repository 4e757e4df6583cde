using DisclosurePortal.Domain.Guides;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Web.Features.Guides;

/// <summary>
/// The 办事一本通 of a domain (Shishi Fengli): its published guides compiled into one Word document — a title, one
/// Heading 1 per guide, a Heading 2 per part (设定依据, 申请条件, each 办事情形 with its materials as a table, 办理流程…),
/// in the order the public page shows them. Built-in heading styles, so Word and WPS make a table of contents from it.
/// </summary>
public static class GuideHandbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <param name="label">Translates a Chinese label into the reader's language (the guides' own texts stay as typed).</param>
    public static byte[] Write(string title, string publisher, IReadOnlyList<ServiceGuide> guides, Func<string, string> label)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new W.Body();
            body.Append(Paragraph(title, "Title"));
            body.Append(Paragraph(publisher, null));
            foreach (var g in guides)
            {
                body.Append(Paragraph(g.Name, "Heading1"));
                Section(body, label("设定依据"), g.LegalBasis);
                Section(body, label("申请条件"), g.Conditions);
                foreach (var s in g.Situations.OrderBy(s => s.Position))
                {
                    body.Append(Paragraph(label("办事情形") + "：" + s.Name, "Heading2"));
                    body.Append(Materials(s, label));
                }
                body.Append(Paragraph(label("办理流程"), "Heading2"));
                foreach (var step in g.Steps.OrderBy(s => s.Position))
                    body.Append(Paragraph($"{step.Position}. {step.Actor}：{step.Action}" + (step.TimeLimit is { } t ? $"（{t}）" : ""), null));
                Section(body, label("办理时限"), g.TimeLimit);
                Section(body, label("收费标准"), g.Fees);
                Section(body, label("办理地点和时间"), g.PlaceAndHours);
                Section(body, label("咨询电话"), g.ConsultationPhone);
                Section(body, label("投诉电话"), g.ComplaintPhone);
            }
            body.Append(new W.SectionProperties(new W.PageSize { Width = 11906, Height = 16838 }, new W.PageMargin { Top = 1440, Bottom = 1440, Left = 1587, Right = 1474 }));
            main.Document = new W.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Section(W.Body body, string heading, string text)
    {
        body.Append(Paragraph(heading, "Heading2"));
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)) body.Append(Paragraph(line, null));
    }

    private static W.Table Materials(GuideSituation situation, Func<string, string> label)
    {
        var border = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 });
        var table = new W.Table(new W.TableProperties(border, new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(true, label("序号"), label("材料名称"), label("材料形式"), label("份数"), label("样表")));
        foreach (var m in situation.Materials.OrderBy(m => m.Position))
            table.Append(Row(false, m.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, label(GuideNames.Describe(m.Form)),
                m.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m.TemplateId is null ? label("无") : label("见网站")));
        return table;
    }

    private static W.TableRow Row(bool header, params string[] cells)
    {
        var row = new W.TableRow();
        if (header) row.Append(new W.TableRowProperties(new W.TableHeader()));
        foreach (var cell in cells)
        {
            var run = new W.Run(new W.Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new W.RunProperties(new W.Bold()));
            row.Append(new W.TableCell(new W.Paragraph(run)));
        }
        return row;
    }

    private static W.Paragraph Paragraph(string text, string? style)
    {
        var p = new W.Paragraph();
        if (style is not null) p.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        p.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        W.Style Heading(string id, string name, int size, int level) => new(
            new W.StyleName { Val = name }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" }, new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "240", After = "120" }, new W.OutlineLevel { Val = level }),
            new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = W.StyleValues.Paragraph, StyleId = id };
        styles.Styles = new W.Styles(
            new W.Style(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle(),
                new W.StyleRunProperties(new W.RunFonts { EastAsia = "宋体" }, new W.FontSize { Val = "24" })) { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 44, 0),
            Heading("Heading1", "heading 1", 32, 0),
            Heading("Heading2", "heading 2", 28, 1));
        styles.Styles.Save();
    }
}
