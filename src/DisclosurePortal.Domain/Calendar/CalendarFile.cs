using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DisclosurePortal.Domain.Calendar;

/// <summary>One year of the schedule: the days off and the worked weekend days (调休上班), each sorted.</summary>
public sealed record CalendarYearDays(int Year, IReadOnlyList<DateOnly> Off, IReadOnlyList<DateOnly> Work);

/// <summary>
/// A refused calendar entry or file. <see cref="Template"/> is a localizer key (zh-CN) with {0}-style placeholders,
/// <see cref="Args"/> its values, so the page can say which date and which year in either language.
/// </summary>
public sealed class CalendarRuleException(string template, params string[] args)
    : Exception(string.Format(CultureInfo.InvariantCulture, template, args))
{
    public string Template { get; } = template;
    public IReadOnlyList<string> Args { get; } = args;
}

/// <summary>
/// The calendar file (shared/domain/calendar-cn-2025-2026.json): {"source", "note", "years": {"2026": {"off": [...],
/// "work": [...]}}}. Export writes it; import reads it and checks every rule before anything is changed.
/// </summary>
public sealed class CalendarFile
{
    public const int MinYear = ValidYears.Min;
    public const int MaxYear = ValidYears.Max;
    public const int MaxSourceLength = 200; // CalendarYears.Source

    public const string DefaultNote =
        "off = public holidays and 调休 rest days that fall on weekdays or weekends; work = weekend days that are working days (调休上班). Working day = (Mon-Fri and not off) or work.";

    public CalendarFile(string source, string? note, IEnumerable<CalendarYearDays> years)
    {
        Source = source;
        Note = note;
        Years = [.. years.OrderBy(y => y.Year)];
    }

    public string Source { get; }
    public string? Note { get; }
    public IReadOnlyList<CalendarYearDays> Years { get; }

    public static bool IsValidYear(int year) => ValidYears.IsValid(year);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// Whether <paramref name="date"/> may be entered as <paramref name="kind"/> in <paramref name="year"/>, given what the
    /// date already is (<paramref name="existing"/>, null when it follows the Monday–Friday rule). Throws when not.
    /// </summary>
    public static void CheckEntry(int year, DateOnly date, CalendarDayKind kind, CalendarDayKind? existing)
    {
        var text = Iso(date);
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        if (date.Year != year) throw new CalendarRuleException("{0} 不在 {1} 年内。", text, yearText);
        if (existing == kind)
            throw kind == CalendarDayKind.Off
                ? new CalendarRuleException("{0} 已经是休息日。", text)
                : new CalendarRuleException("{0} 已经是调休上班日。", text);
        if (existing is not null)
            throw new CalendarRuleException("{0} 已录入为{1}，一个日期不能既是休息日又是调休上班日；请先删除原来的记录。", text,
                existing == CalendarDayKind.Off ? "休息日" : "调休上班日");
        // 调休上班 is by definition a weekend day that is worked; a weekday is a working day already.
        if (kind == CalendarDayKind.Work && !IsWeekend(date))
            throw new CalendarRuleException("{0} 不是星期六或星期日，本来就是工作日，不能录入为调休上班日。", text);
    }

    /// <summary>Reads and checks a whole file; throws <see cref="CalendarRuleException"/> naming the first problem.</summary>
    public static CalendarFile Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new CalendarRuleException("文件不是格式正确的 JSON（第 {0} 行附近有错误）。",
                ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new CalendarRuleException("文件应是一个 JSON 对象，包含 source、note 和 years。");
            var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()!.Trim() : "";
            if (source.Length == 0) throw new CalendarRuleException("文件缺少 source（日历依据，例如国务院办公厅通知的文号）。");
            if (source.Length > MaxSourceLength)
                throw new CalendarRuleException("source（日历依据）不能超过 {0} 个字。", MaxSourceLength.ToString(CultureInfo.InvariantCulture));
            string? note = root.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (!root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
                throw new CalendarRuleException("文件缺少 years 对象（每个年份下有 off 和 work 两个日期列表）。");

            var parsed = new List<CalendarYearDays>();
            foreach (var entry in years.EnumerateObject())
            {
                if (!int.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !IsValidYear(year)
                    || entry.Name.Length != 4)
                    throw new CalendarRuleException("年份“{0}”无效：年份应为 2000 到 2100 之间的四位数字。", entry.Name);
                if (parsed.Any(p => p.Year == year)) throw new CalendarRuleException("{0} 年在文件中出现了两次。", entry.Name);
                if (entry.Value.ValueKind != JsonValueKind.Object)
                    throw new CalendarRuleException("{0} 年应是一个对象，包含 off 和 work 两个日期列表。", entry.Name);
                var off = Dates(entry.Value, "off", year);
                var work = Dates(entry.Value, "work", year);
                if (off.Intersect(work).Order().Select(d => (DateOnly?)d).FirstOrDefault() is { } both)
                    throw new CalendarRuleException("{0} 年的 {1} 既列为休息日（off）又列为调休上班日（work），一个日期只能是其中一种。", entry.Name, Iso(both));
                if (work.Where(d => !IsWeekend(d)).Order().Select(d => (DateOnly?)d).FirstOrDefault() is { } weekday)
                    throw new CalendarRuleException("{0} 年的调休上班日（work）{1} 不是星期六或星期日；调休上班日只能是周末。", entry.Name, Iso(weekday));
                parsed.Add(new CalendarYearDays(year, [.. off.Order()], [.. work.Order()]));
            }
            if (parsed.Count == 0) throw new CalendarRuleException("文件的 years 中没有任何年份。");
            return new CalendarFile(source, note, parsed);
        }
    }

    private static HashSet<DateOnly> Dates(JsonElement year, string list, int yearNumber)
    {
        var yearText = yearNumber.ToString(CultureInfo.InvariantCulture);
        if (!year.TryGetProperty(list, out var items)) return [];
        if (items.ValueKind != JsonValueKind.Array)
            throw new CalendarRuleException("{0} 年的 {1} 应是日期列表。", yearText, list);
        var dates = new HashSet<DateOnly>();
        foreach (var item in items.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
            if (item.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new CalendarRuleException("{0} 年 {1} 中的“{2}”不是 yyyy-MM-dd 格式的日期。", yearText, list, text);
            if (date.Year != yearNumber)
                throw new CalendarRuleException("{0} 年 {1} 中的日期 {2} 不在 {0} 年内。", yearText, list, text);
            if (!dates.Add(date))
                throw new CalendarRuleException("{0} 年 {1} 中的日期 {2} 重复出现。", yearText, list, text);
        }
        return dates;
    }

    /// <summary>The file as JSON, laid out like the shared file (one-space indent, dates sorted, Chinese unescaped).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file to download, never embedded in HTML
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("source", Source);
            writer.WriteString("note", Note ?? DefaultNote);
            writer.WriteStartObject("years");
            foreach (var year in Years)
            {
                writer.WriteStartObject(year.Year.ToString(CultureInfo.InvariantCulture));
                WriteDates(writer, "off", year.Off);
                WriteDates(writer, "work", year.Work);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteDates(Utf8JsonWriter writer, string name, IEnumerable<DateOnly> dates)
    {
        writer.WriteStartArray(name);
        foreach (var d in dates.Order()) writer.WriteStringValue(Iso(d));
        writer.WriteEndArray();
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
