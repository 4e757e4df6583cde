using System.Text;

namespace DisclosurePortal.Tools.Generator;

/// <summary>The placeholders a generator template may use; a template naming any other is refused when parsed.</summary>
internal enum Slot
{
    Title,
    Year,
    Month,
    Quarter,
    Town,
    N,
    Dept,
    Topic,
    Item,
    Domain,
    DocNoun,
    // The demo county's period and date placeholders (Data/Seed/DemoContent): the generator fills them as simply as
    // {year}, {month}, {quarter} (see RecordStream.FillSlots).
    LastYear,
    ThisMonth,
    ThisQuarter,
    WrittenOn,
    EffectiveOn,
}

/// <summary>The values of the placeholders for one record, with their UTF-8 sizes (bodies are sized in bytes).</summary>
internal sealed class SlotValues
{
    private static readonly int Count = Enum.GetValues<Slot>().Length;
    private readonly string[] _values = new string[Count];
    private readonly int[] _bytes = new int[Count];

    public SlotValues()
    {
        Array.Fill(_values, string.Empty);
    }

    public string this[Slot slot]
    {
        get => _values[(int)slot];
        set
        {
            _values[(int)slot] = value;
            _bytes[(int)slot] = Encoding.UTF8.GetByteCount(value);
        }
    }

    public int Bytes(Slot slot) => _bytes[(int)slot];
}

/// <summary>
/// A text with {placeholders}, parsed once: filling it appends literals and values to a builder, with no string
/// replacing (a million bodies of a dozen paragraphs each would otherwise spend their time in string.Replace).
/// </summary>
internal sealed class TextTemplate
{
    private readonly (string? Literal, Slot Slot)[] _parts;
    private readonly int _literalBytes;

    public TextTemplate(string text)
    {
        Text = text;
        var parts = new List<(string?, Slot)>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            if (open < 0) { parts.Add((text[at..], default)); break; }
            if (open > at) parts.Add((text[at..open], default));
            var close = text.IndexOf('}', open);
            if (close < 0 || !Enum.TryParse<Slot>(text[(open + 1)..close], ignoreCase: true, out var slot))
                throw new ArgumentException($"Unknown placeholder in generator template: {text}", nameof(text));
            parts.Add((null, slot));
            at = close + 1;
        }
        _parts = [.. parts];
        _literalBytes = _parts.Where(p => p.Literal is not null).Sum(p => Encoding.UTF8.GetByteCount(p.Literal!));
    }

    public string Text { get; }

    public bool Uses(Slot slot) => _parts.Any(p => p.Literal is null && p.Slot == slot);

    /// <summary>Appends the filled text and returns its size in UTF-8 bytes.</summary>
    public int AppendTo(StringBuilder sb, SlotValues values)
    {
        var bytes = _literalBytes;
        foreach (var (literal, slot) in _parts)
        {
            if (literal is not null)
            {
                sb.Append(literal);
            }
            else
            {
                sb.Append(values[slot]);
                bytes += values.Bytes(slot);
            }
        }
        return bytes;
    }

    /// <summary>The size in UTF-8 bytes of the filled text.</summary>
    public int Bytes(SlotValues values)
    {
        var bytes = _literalBytes;
        foreach (var (literal, slot) in _parts)
        {
            if (literal is null) bytes += values.Bytes(slot);
        }
        return bytes;
    }

    public string Fill(SlotValues values)
    {
        var sb = new StringBuilder(Text.Length + 32);
        AppendTo(sb, values);
        return sb.ToString();
    }

    public static TextTemplate[] All(IEnumerable<string> texts) => [.. texts.Select(t => new TextTemplate(t))];
}
