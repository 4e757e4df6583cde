using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// Phones (and 长辈版 up to tablet width) show a <c>table.staff-table</c> as one block per row, each cell under its
/// column's name (access.css, ADR 18). The name comes from <c>data-label</c>, which these tag helpers copy from the
/// table's header row onto every body cell, so no view has to repeat its column names. A cell that already has a
/// <c>data-label</c> keeps it; tables without the class are left alone.
/// </summary>
[HtmlTargetElement("table")]
public sealed class StackedTableTagHelper : TagHelper
{
    internal static readonly object Key = new();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("staff-table"))
            context.Items[Key] = new ColumnNames();
    }

    internal sealed class ColumnNames
    {
        public List<string> Names { get; } = [];
    }
}

/// <summary>Marks the header of a stacked table: its cells name the columns.</summary>
[HtmlTargetElement("thead")]
public sealed class StackedTableHeadTagHelper : TagHelper
{
    internal static readonly object Key = new();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.ContainsKey(StackedTableTagHelper.Key)) context.Items[Key] = true;
    }
}

/// <summary>Each body row counts its cells from the first column.</summary>
[HtmlTargetElement("tr")]
public sealed class StackedTableRowTagHelper : TagHelper
{
    internal static readonly object Key = new();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.ContainsKey(StackedTableTagHelper.Key) && !context.Items.ContainsKey(StackedTableHeadTagHelper.Key))
            context.Items[Key] = new Column();
    }

    internal sealed class Column
    {
        public int Index { get; set; }
    }
}

[HtmlTargetElement("th")]
[HtmlTargetElement("td")]
public sealed partial class StackedTableCellTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if ((context.Items.TryGetValue(StackedTableTagHelper.Key, out var table) ? table : null) is not StackedTableTagHelper.ColumnNames columns) return;
        var span = int.TryParse(output.Attributes["colspan"]?.Value?.ToString(), out var s) && s > 1 ? s : 1;
        if (context.Items.ContainsKey(StackedTableHeadTagHelper.Key))
        {
            // Only the first header row names columns (the staff tables have one); a second row would add names past the end.
            var html = (await output.GetChildContentAsync()).GetContent();
            var name = WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();
            name = Spaces().Replace(name, " ");
            for (var i = 0; i < span; i++) columns.Names.Add(name);
            return;
        }
        if ((context.Items.TryGetValue(StackedTableRowTagHelper.Key, out var row) ? row : null) is not StackedTableRowTagHelper.Column column) return;
        var index = column.Index;
        column.Index += span;
        if (output.Attributes.ContainsName("data-label") || index >= columns.Names.Count || columns.Names[index].Length == 0) return;
        output.Attributes.SetAttribute("data-label", columns.Names[index]);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
