using System.Reflection;
using EcoDrive.Testing;

namespace EcoDrive.Storage.PostgreSql.Tests;

/// <summary>
/// The README's test command must pass on a machine with no PostgreSQL server: only <see cref="StorageFactAttribute"/>
/// tests honour the assembly's <see cref="RequiresEnvironmentVariableAttribute"/> and skip, so a plain <c>[Fact]</c> or
/// <c>[Theory]</c> here would fail there instead of being skipped.
/// </summary>
public sealed class RequiresTheServerTests
{
    [Fact]
    public void EveryTestOfThisAssembly_IsAStorageFact_SoThatItSkipsWithoutTheServer()
    {
        var plain =
            from type in typeof(RequiresTheServerTests).Assembly.GetTypes()
            where type != typeof(RequiresTheServerTests) && type is { IsClass: true, IsAbstract: false }
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            where method.GetCustomAttributes<FactAttribute>(inherit: true).Any(fact => fact is not StorageFactAttribute)
            select $"{type.Name}.{method.Name}";

        Assert.Empty(plain);
    }

    [Fact]
    public void TheAssembly_RequiresTheServerVariable()
    {
        var requirement = typeof(RequiresTheServerTests).Assembly.GetCustomAttribute<RequiresEnvironmentVariableAttribute>();

        Assert.Equal(PostgreSqlTestDatabase.Variable, requirement?.Name);
    }
}
