namespace DisclosurePortal.Domain;

/// <summary>A rule of the domain refused an operation. The message is for a person to read (zh-CN).</summary>
public sealed class DomainException(string message) : Exception(message);
