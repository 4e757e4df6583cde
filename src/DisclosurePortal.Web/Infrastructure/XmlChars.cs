using System.Text;
using System.Xml;

namespace DisclosurePortal.Web.Infrastructure;

public static class XmlChars
{
    /// <summary>
    /// Drops the characters XML 1.0 cannot carry (control characters pasted into an editor's text), which an
    /// <see cref="XmlWriter"/> would refuse with an exception: feeds and .xlsx files are XML.
    /// </summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text, i++, 2);
        }
        return sb.ToString();
    }
}
