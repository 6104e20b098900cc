using Xunit.Abstractions;
using Xunit.Sdk;

namespace EcoDrive.Testing;

/// <summary>
/// A contract test. It runs like <see cref="FactAttribute"/>, except that it reports itself skipped when the concrete
/// test class is marked <see cref="RequiresEnvironmentVariableAttribute"/> and that variable is not set (a database
/// server that is not there).
/// </summary>
[XunitTestCaseDiscoverer("EcoDrive.Testing.StorageFactDiscoverer", "EcoDrive.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>
/// Marks a test class, or a whole test assembly, whose tests need an environment variable, typically a connection
/// string: without it, every <see cref="StorageFactAttribute"/> test of the class (or of every class in the assembly)
/// is reported <c>skipped: NAME not set</c>. On the assembly, a test class added later cannot forget it.
/// </summary>
/// <param name="name">The variable's name.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class RequiresEnvironmentVariableAttribute(string name) : Attribute
{
    /// <summary>The variable's name.</summary>
    public string Name { get; } = name;

    /// <summary>Why the tests are skipped, or <see langword="null"/> when the variable is set.</summary>
    /// <param name="name">The variable's name.</param>
    public static string? SkipReason(string name) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)) ? $"skipped: {name} not set" : null;
}

/// <summary>Finds <see cref="StorageFactAttribute"/> tests. Used by xunit.</summary>
/// <param name="diagnosticMessageSink">Where xunit reports discovery problems.</param>
public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        yield return new StorageTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>
/// A <see cref="StorageFactAttribute"/> test, skipped when the variable required by its class or its assembly is
/// missing. Used by xunit.
/// </summary>
public sealed class StorageTestCase : XunitTestCase
{
    /// <summary>For xunit's de-serialiser only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StorageTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    /// <param name="diagnosticMessageSink">Where xunit reports problems.</param>
    /// <param name="defaultMethodDisplay">How to name the test.</param>
    /// <param name="defaultMethodDisplayOptions">More naming options.</param>
    /// <param name="testMethod">The test method, in its concrete class.</param>
    public StorageTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var attribute = typeof(RequiresEnvironmentVariableAttribute).AssemblyQualifiedName!;
        var testClass = TestMethod.TestClass.Class;
        var requirements = testClass.GetCustomAttributes(attribute).Concat(testClass.Assembly.GetCustomAttributes(attribute));
        foreach (var requirement in requirements)
        {
            if (requirement.GetConstructorArguments().FirstOrDefault() is string name && RequiresEnvironmentVariableAttribute.SkipReason(name) is { } reason)
            {
                return reason;
            }
        }

        return base.GetSkipReason(factAttribute);
    }
}
