using EcoDrive.Application.Messaging;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// How the outbox names a message's type so that it can be read back: the full type name and its assembly, without a
/// version, so that a message written before an upgrade is still delivered after it.
/// </summary>
internal static class OutboxMessageType
{
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Type.GetType(name, throwOnError: false) is { } type && type.IsAssignableTo(typeof(IntegrationMessage))
            ? type
            : throw new InvalidOperationException(
                $"The outbox holds a message of type '{name}', which is not an integration message this application knows. " +
                "Deploy the assembly that defines it, or remove the message from the outbox.");
}
