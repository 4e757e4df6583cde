using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DisclosurePortal.Domain.Auditing;

/// <summary>
/// The audit chain's hash (docs/adr/0023): SHA-256 over a canonical serialization of the event's place in the chain
/// (sequence, previous hash) and everything it says (when, who, what, to which entity, summary). Each field is written
/// as its UTF-8 byte length, a colon and the bytes, a null as a lone "-": no two different events serialize alike, so
/// moving text from one field to another, or a null to an empty string, changes the hash.
/// </summary>
public static class AuditChain
{
    private const string Format = "dp-audit-v1";

    /// <summary>
    /// Instants are hashed as UTC ticks, so an event keeps only what both databases store exactly: whole
    /// microseconds (PostgreSQL's timestamptz), in UTC.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    /// <summary>The lower-case hex SHA-256 (64 characters) of the event as it now stands.</summary>
    public static string HashOf(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));
    }

    /// <summary>The bytes that are hashed; public so that the format is pinned by a test.</summary>
    public static byte[] Canonical(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = new StringBuilder();
        Field(text, Format);
        Field(text, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, e.PreviousHash);
        Field(text, e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, e.ActorId);
        Field(text, e.ActorName);
        Field(text, e.Action);
        Field(text, e.EntityType);
        Field(text, e.EntityId);
        Field(text, e.Summary);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append('-');
            return;
        }
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
