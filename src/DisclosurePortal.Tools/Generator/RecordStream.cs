using System.Globalization;
using System.Text;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data.Seed;

namespace DisclosurePortal.Tools.Generator;

/// <summary>The rows of a few thousand records, grouped by table (PostgreSQL's COPY takes one table at a time).</summary>
internal sealed class RecordChunk
{
    public List<object?[]> Records { get; } = [];
    public List<object?[]> Versions { get; } = [];
    public List<object?[]> Links { get; } = [];
    public List<object?[]> Questions { get; } = [];
}

/// <summary>What the generator made, for its closing summary and for the tests.</summary>
internal sealed class RecordStatistics
{
    public Dictionary<(string Domain, string Stage), int> PerColumn { get; } = [];
    public int Records { get; set; }
    public int Interpretations { get; set; }
    public int RareTitles { get; set; }
    public int CommonTitles { get; set; }
    public int MinBodyBytes { get; set; } = int.MaxValue;
    public int MaxBodyBytes { get; set; }
    public long BodyBytes { get; set; }
}

/// <summary>
/// Generates published records, oldest first, one at a time (nothing is held but the current chunk): each is filed
/// under a catalogue item drawn by the columns' skewed shares, dated over ten years (more of them recently), with a
/// 索引号 from a per-department, per-year counter, a 文号 where its kind has one, a title from the item's own patterns or
/// its kind's, and a Markdown body of 1–5 KB. About half the policies get an interpretation 0–3 working days later
/// (some late), linked to them. Exactly <see cref="GeneratedContent.RareTermRecords"/> titles carry the rare term.
/// Deterministic: one seeded <see cref="Random"/>, one thread.
/// </summary>
internal sealed class RecordStream
{
    /// <summary>The versions' CreatedBy: generated rows can be told from any added later.</summary>
    public const string Author = "数据生成器";
    private const double InterpretedShare = 0.5;

    private readonly GeneratedCatalogue _catalogue;
    private readonly int _total;
    private readonly DateOnly _firstDay;
    private readonly int _spanDays;
    private readonly DateOnly _lastDay;
    private readonly Random _random;
    private readonly SlotValues _slots = new();
    private readonly StringBuilder _body = new(8192);
    private readonly Dictionary<RecordKind, TextTemplate[]> _titles;
    private readonly Dictionary<RecordKind, TextTemplate[]> _paragraphs;
    private readonly TextTemplate[] _rareTitles = TextTemplate.All(GeneratedContent.RareTitles);
    private readonly TextTemplate[] _sentences = TextTemplate.All(GeneratedContent.Sentences);
    private readonly Dictionary<(string Prefix, int Year), int> _documentSerials = [];
    private readonly PriorityQueue<Pending, (DateOnly, int)> _pending = new();
    private int _nextRecordId = 1;
    private int _nextLinkId = 1;
    private int _nextQuestionId = 1;

    public RecordStream(GeneratedCatalogue catalogue, int total, DateOnly lastDay, Random random)
    {
        _catalogue = catalogue;
        _total = total;
        _lastDay = lastDay;
        _firstDay = Weekday(lastDay.AddYears(-10).AddDays(1));
        _spanDays = lastDay.DayNumber - _firstDay.DayNumber;
        _random = random;
        _titles = GeneratedContent.Titles.ToDictionary(t => t.Key, t => TextTemplate.All(t.Value));
        _paragraphs = DemoContent.BodyParagraphs.ToDictionary(p => p.Key, p => TextTemplate.All(p.Value));
    }

    public RecordStatistics Statistics { get; } = new();

    /// <summary>The last 索引号 serial issued per (organisation, year): the counters real publishing continues from.</summary>
    public Dictionary<(string Organisation, int Year), int> IndexSerials { get; } = [];

    public IEnumerable<RecordChunk> Chunks(int size)
    {
        var chunk = new RecordChunk();
        var reserved = 0; // records emitted plus interpretations promised
        var rareAt = Enumerable.Range(0, GeneratedContent.RareTermRecords)
            .Select(j => (int)((j + 0.5) * _total / GeneratedContent.RareTermRecords)).ToArray();
        var rareIndex = 0;
        while (reserved < _total)
        {
            var date = DateAt(reserved);
            while (_pending.TryPeek(out var due, out _) && due.PublishedOn <= date)
                EmitInterpretation(_pending.Dequeue(), chunk);

            var rare = rareIndex < rareAt.Length && rareAt[rareIndex] <= reserved;
            if (rare) rareIndex++;
            var cell = _catalogue.Cells[GeneratedCell.Pick(_catalogue.CellCumulative, _random)];
            var item = cell.PickItem(_random);
            var title = EmitRecord(cell, item, date, rare, chunk);
            reserved++;
            // No promises near the end, so the last rare positions are still reached by records of their own.
            if (!rare && item.Kind is RecordKind.NormativeDocument or RecordKind.Regulation && reserved < _total - 64
                && _random.NextDouble() < InterpretedShare)
            {
                // Three working days at the latest (Tiexi 2016), but one in seven is late.
                var lag = _random.NextDouble() < 0.85 ? _random.Next(0, 4) : _random.Next(5, 13);
                var on = AddWeekdays(date, lag);
                if (on > _lastDay) on = _lastDay;
                _pending.Enqueue(new Pending(_nextRecordId - 1, item, title, on), (on, _nextRecordId - 1));
                reserved++;
            }
            if (chunk.Records.Count >= size)
            {
                yield return chunk;
                chunk = new RecordChunk();
            }
        }
        while (_pending.Count > 0) EmitInterpretation(_pending.Dequeue(), chunk);
        if (chunk.Records.Count > 0) yield return chunk;
    }

    /// <summary>The date of the k-th record: density rising over the ten years (t^0.6), offices publish on weekdays.</summary>
    private DateOnly DateAt(int k)
    {
        var u = (k + 0.5) / _total;
        var offset = (int)(Math.Pow(u, 1 / 1.6) * _spanDays);
        var date = Weekday(_firstDay.AddDays(offset));
        return date < _firstDay ? _firstDay : date;
    }

    private string EmitRecord(GeneratedCell cell, GeneratedItem item, DateOnly date, bool rare, RecordChunk chunk)
    {
        FillSlots(item, date);
        var titleTemplate = rare ? Pick(_rareTitles)
            : item.OwnTitles.Length > 0 && _random.NextDouble() < 0.4 ? Pick(item.OwnTitles)
            : Pick(_titles[item.Kind]);
        var title = titleTemplate.Fill(_slots);
        if (rare) Statistics.RareTitles++;
        var key = (cell.DomainCode, cell.StageCode);
        Statistics.PerColumn[key] = Statistics.PerColumn.GetValueOrDefault(key) + 1;
        var documentNumber = HasDocumentNumber(item.Kind) ? NextDocumentNumber(item.Department.DocumentPrefix, date.Year) : null;
        var validity = ValidityOf(item.Kind, date);
        _slots[Slot.Title] = DocumentName(title);
        var body = Body(item.Kind);
        Add(chunk, item, item.Kind, date, title, documentNumber, validity, body, null);
        return title;
    }

    private void EmitInterpretation(Pending p, RecordChunk chunk)
    {
        var form = (InterpretationForm)_random.Next(1, 6); // 文字, 图解, 专家, 媒体, 问答 (视频 needs a real link)
        var name = $"《{DocumentName(p.PolicyTitle)}》";
        FillSlots(p.Item, p.PublishedOn);
        _slots[Slot.Title] = DocumentName(p.PolicyTitle);
        var body = Body(RecordKind.PolicyInterpretation);
        var id = Add(chunk, p.Item, RecordKind.PolicyInterpretation, p.PublishedOn, name + FormSuffix(form), null, Validity.Valid, body, form);
        chunk.Links.Add([_nextLinkId++, id, id, p.PolicyRecordId, Instant(p.PublishedOn, 9)]);
        if (form == InterpretationForm.QuestionsAndAnswers)
        {
            var department = p.Item.Department.Name;
            (string Q, string A)[] questions =
            [
                ($"制定{name}的背景是什么？", $"为贯彻落实上级有关部署，结合我县实际，{department}在深入调研、广泛征求意见的基础上起草了该文件。"),
                ("文件的适用对象有哪些？", "文件适用于本县行政区域内符合条件的单位和个人，具体条件以文件正文为准。"),
                ("如何咨询和办理？", $"可拨打12345政务服务便民热线，或到县政务服务中心{department}窗口咨询办理。"),
            ];
            for (var i = 0; i < questions.Length; i++)
                chunk.Questions.Add([_nextQuestionId++, id, i + 1, questions[i].Q, questions[i].A]);
        }
        Statistics.Interpretations++;
    }

    /// <summary>Adds the record and its one published version (same id); returns the id.</summary>
    private int Add(RecordChunk chunk, GeneratedItem item, RecordKind kind, DateOnly publishedOn, string title, string? documentNumber,
        Validity validity, string body, InterpretationForm? form)
    {
        var id = _nextRecordId++;
        var department = item.Department;
        var serial = IndexSerials.GetValueOrDefault((department.OrganisationCode, publishedOn.Year)) + 1;
        if (serial > 99_999)
            throw new GeneratorException($"More than 99,999 索引号 for {department.Name} in {publishedOn.Year}: ask for fewer records.");
        IndexSerials[(department.OrganisationCode, publishedOn.Year)] = serial;
        var indexNumber = new IndexNumber(department.OrganisationCode, publishedOn.Year, serial).ToString();
        var submittedAt = Instant(publishedOn.AddDays(-1), 8).AddMinutes(30);
        var publishedAt = Instant(publishedOn, 10).AddMinutes(_random.Next(0, 360));
        chunk.Records.Add([id, indexNumber, department.Id, item.Id, item.DomainId, item.StageId, (int)kind, Instant(publishedOn.AddDays(-3), 9), 1]);
        chunk.Versions.Add([
            id, id, 1, (int)VersionState.Published, true, true,
            title, documentNumber, department.Name, publishedOn.AddDays(-_random.Next(1, 8)), publishedOn, (int)validity,
            (int)DisclosureAttribute.Proactive, body, form is null ? null : (int)form.Value,
            department.Id, item.Id, item.DomainId, item.StageId, (int)kind,
            submittedAt.AddHours(-2), Author, publishedAt, submittedAt, publishedAt, 3,
        ]);
        Statistics.Records++;
        if (title.Contains(GeneratedContent.CommonTerm, StringComparison.Ordinal)) Statistics.CommonTitles++;
        return id;
    }

    private void FillSlots(GeneratedItem item, DateOnly date)
    {
        _slots[Slot.Year] = date.Year.ToString(CultureInfo.InvariantCulture);
        _slots[Slot.Month] = date.AddMonths(-1).Month.ToString(CultureInfo.InvariantCulture);
        _slots[Slot.Quarter] = GeneratedContent.Numerals[(date.Month - 1) / 3];
        _slots[Slot.LastYear] = (date.Year - 1).ToString(CultureInfo.InvariantCulture);
        _slots[Slot.ThisMonth] = date.Month.ToString(CultureInfo.InvariantCulture);
        _slots[Slot.ThisQuarter] = GeneratedContent.Numerals[(date.Month - 1) / 3];
        _slots[Slot.WrittenOn] = date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        _slots[Slot.EffectiveOn] = new DateOnly(date.Year, date.Month, 1).AddMonths(2).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        _slots[Slot.Town] = item.Department.Town ?? DemoContent.Towns[_random.Next(DemoContent.Towns.Count)];
        _slots[Slot.N] = _random.Next(1, 7).ToString(CultureInfo.InvariantCulture);
        _slots[Slot.Dept] = item.Department.Name;
        _slots[Slot.Topic] = item.Topic;
        _slots[Slot.Item] = item.Name;
        _slots[Slot.Domain] = item.DomainName;
        _slots[Slot.DocNoun] = GeneratedContent.DocumentNouns[_random.Next(GeneratedContent.DocumentNouns.Count)];
    }

    /// <summary>
    /// Markdown of 1,100 to about 5,000 UTF-8 bytes (most near the short end): the kind's opening paragraph, numbered
    /// sections of sentences and lists, the kind's closing paragraph, the department and date.
    /// </summary>
    private string Body(RecordKind kind)
    {
        var u = _random.NextDouble();
        var target = 1100 + (int)(3000 * u * u);
        var paragraphs = _paragraphs[kind];
        var sb = _body.Clear();
        var bytes = paragraphs[0].AppendTo(sb, _slots);
        var closing = paragraphs[^1];
        // What follows the sections: a blank line, the closing paragraph, a newline (the page adds department and date).
        var tail = 2 + closing.Bytes(_slots) + 1;
        var section = 0;
        // Headings and sentences are taken in a stride from a random start, so a body does not repeat one.
        var headingStart = _random.Next(GeneratedContent.Headings.Count);
        var sentence = _random.Next(_sentences.Length);
        var stride = Stride(_sentences.Length);
        while (bytes + tail < target)
        {
            bytes += Append(sb, "\n\n");
            if (section < GeneratedContent.Headings.Count && (section == 0 || _random.NextDouble() < 0.45))
            {
                var heading = GeneratedContent.Headings[(headingStart + section) % GeneratedContent.Headings.Count];
                bytes += Append(sb, $"### {GeneratedContent.Numerals[section++]}、{heading}\n\n");
            }
            if (_random.NextDouble() < 0.2)
            {
                var count = _random.Next(3, 5);
                for (var i = 1; i <= count; i++)
                {
                    var bullet = GeneratedContent.Bullets[_random.Next(GeneratedContent.Bullets.Count)];
                    bytes += Append(sb, $"{(i == 1 ? "" : "\n")}{i}. {bullet}{(i == count ? "。" : "；")}");
                }
            }
            else
            {
                var count = _random.Next(2, 5);
                for (var i = 0; i < count; i++)
                {
                    sentence = (sentence + stride) % _sentences.Length;
                    bytes += _sentences[sentence].AppendTo(sb, _slots);
                }
            }
        }
        bytes += Append(sb, "\n\n");
        bytes += closing.AppendTo(sb, _slots);
        sb.Append('\n');
        bytes++;
        var text = sb.ToString();
        Statistics.MinBodyBytes = Math.Min(Statistics.MinBodyBytes, bytes);
        Statistics.MaxBodyBytes = Math.Max(Statistics.MaxBodyBytes, bytes);
        Statistics.BodyBytes += bytes;
        return text;
    }

    private static int Append(StringBuilder sb, string text)
    {
        sb.Append(text);
        return Encoding.UTF8.GetByteCount(text);
    }

    private TextTemplate Pick(TextTemplate[] options) => options[_random.Next(options.Length)];

    /// <summary>A step coprime with the count, so that stepping visits every element before any comes back.</summary>
    private int Stride(int count)
    {
        var stride = _random.Next(1, count);
        while (System.Numerics.BigInteger.GreatestCommonDivisor(stride, count) != 1) stride++;
        return stride;
    }

    private string NextDocumentNumber(string prefix, int year)
    {
        var n = _documentSerials.GetValueOrDefault((prefix, year)) + 1;
        _documentSerials[(prefix, year)] = n;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{n}号");
    }

    private static bool HasDocumentNumber(RecordKind kind) =>
        kind is RecordKind.Regulation or RecordKind.NormativeDocument or RecordKind.Notice or RecordKind.Plan or RecordKind.PublicFunds;

    /// <summary>Older policies and plans are sometimes no longer in force.</summary>
    private Validity ValidityOf(RecordKind kind, DateOnly publishedOn)
    {
        if (kind is not (RecordKind.NormativeDocument or RecordKind.Regulation or RecordKind.Plan)) return Validity.Valid;
        if (publishedOn > _lastDay.AddYears(-3)) return Validity.Valid;
        var x = _random.NextDouble();
        return x < 0.2 ? Validity.Expired : x < 0.27 ? Validity.Repealed : Validity.Valid;
    }

    /// <summary>The document's own name: what stands inside 《》 in 关于印发《…》的通知, else the title.</summary>
    private static string DocumentName(string title)
    {
        var start = title.IndexOf('《', StringComparison.Ordinal);
        var end = title.IndexOf('》', StringComparison.Ordinal);
        return start >= 0 && end > start + 1 ? title[(start + 1)..end] : title;
    }

    private static string FormSuffix(InterpretationForm form) => form switch
    {
        InterpretationForm.Graphic => "图解",
        InterpretationForm.Expert => "专家解读",
        InterpretationForm.Media => "媒体解读",
        InterpretationForm.QuestionsAndAnswers => "政策问答",
        _ => "政策解读",
    };

    private static DateTimeOffset Instant(DateOnly date, int hour) => ChinaTime.At(date, new TimeOnly(hour, 0));

    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    private static DateOnly AddWeekdays(DateOnly date, int days)
    {
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return date;
    }

    private sealed record Pending(int PolicyRecordId, GeneratedItem Item, string PolicyTitle, DateOnly PublishedOn);
}
