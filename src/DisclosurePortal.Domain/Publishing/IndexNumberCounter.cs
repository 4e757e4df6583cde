namespace DisclosurePortal.Domain.Publishing;

/// <summary>The last 索引号 serial issued by one organisation in one year; one row per (organisation, year).</summary>
public sealed class IndexNumberCounter
{
    public IndexNumberCounter(string organisationCode, int year)
    {
        OrganisationCode = organisationCode;
        Year = year;
    }

    public string OrganisationCode { get; private set; }
    public int Year { get; private set; }
    public int LastSerial { get; private set; }

    public IndexNumber Next()
    {
        LastSerial++;
        return new IndexNumber(OrganisationCode, Year, LastSerial);
    }
}
