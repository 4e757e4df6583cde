using System.Text;

namespace DisclosurePortal.Web.Tests.OpenData;

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes; anything else throws.</summary>
public static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    cell.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r')) throw new FormatException($"text after a closing quote at {i}");
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r'))
                {
                    if (text[i] is '"' or '\n') throw new FormatException($"a bare {(text[i] == '"' ? "quote" : "LF")} in an unquoted field at {i}");
                    cell.Append(text[i++]);
                }
            }
            row.Add(cell.ToString());
            cell.Clear();
            if (i >= text.Length) break;
            if (text[i] == ',') { i++; continue; }
            if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"CR without LF at {i}");
            i += 2;
            rows.Add([.. row]);
            row.Clear();
        }
        if (row.Count > 0) throw new FormatException("the last record does not end with CRLF");
        return rows;
    }
}
