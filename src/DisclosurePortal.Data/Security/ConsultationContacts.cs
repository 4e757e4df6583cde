using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// The name, phone, e-mail and postal address of people who comment on a consultation (民意征集), encrypted at rest with
/// Data Protection like applicants' identity numbers (<see cref="PersonalData"/>, ADR 20) under a purpose of their own.
/// Never public, never logged; shown whole only to the owning department's staff, and removed after the retention
/// period (Consultations:RetentionMonths).
/// </summary>
public sealed class ConsultationContacts(IDataProtectionProvider provider, ILogger<ConsultationContacts> logger)
{
    private readonly IDataProtector _protector = provider.CreateProtector("DisclosurePortal.ConsultationContact.v1");

    /// <summary>The stored form of a contact detail; null for none.</summary>
    public string? Seal(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : PersonalData.Prefix + _protector.Protect(value.Trim());

    /// <summary>The detail in clear, for the department's staff page; an undecryptable value is said to be so, never a 500.</summary>
    public string? Reveal(string? sealedValue)
    {
        if (sealedValue is null) return null;
        if (!sealedValue.StartsWith(PersonalData.Prefix, StringComparison.Ordinal)) return sealedValue;
        try
        {
            return _protector.Unprotect(sealedValue[PersonalData.Prefix.Length..]);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "A consultation contact could not be decrypted: restore the Data Protection keys folder that belongs to this database");
            return "（无法解密）";
        }
    }
}
