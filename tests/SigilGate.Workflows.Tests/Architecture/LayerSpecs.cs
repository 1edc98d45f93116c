using System.Reflection;
using SigilGate.Domain.Records;
using SigilGate.Workflows.Apply;

namespace SigilGate.Workflows.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md hold: the domain is pure and synchronous and knows no
/// library of the outside world; the workflows know the domain and their own ports only.
/// </summary>
public class LayerSpecs
{
    private static readonly Assembly Domain = typeof(Record).Assembly;
    private static readonly Assembly Workflows = typeof(Applier).Assembly;

    [Test]
    public void The_domain_references_no_assembly_but_the_runtime_and_YamlDotNet() =>
        Foreign(Domain, "YamlDotNet").ShouldBeEmpty();

    [Test]
    public void The_workflows_reference_no_assembly_but_the_runtime_and_the_domain() =>
        Foreign(Workflows, Domain.GetName().Name!).ShouldBeEmpty();

    [Test]
    public void No_method_of_the_domain_is_asynchronous()
    {
        var asynchronous = Domain.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => IsAwaitable(method.ReturnType))
            .Select(method => $"{method.DeclaringType!.FullName}.{method.Name}");
        asynchronous.ShouldBeEmpty();
    }

    [TestCase("src/SigilGate.Domain")]
    [TestCase("src/SigilGate.Workflows")]
    [TestCase("src/SigilGate.Git")]
    [TestCase("src/SigilGate.Etcd")]
    [TestCase("src/SigilGate.Cli")]
    public void The_namespaces_of_a_project_depend_on_each_other_without_a_cycle(string project) =>
        NamespaceGraph.Read(Path.Combine(SourceTree.Root, project)).Cycles().ShouldBeEmpty();

    private static IEnumerable<string> Foreign(Assembly assembly, string allowed) =>
        assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name != allowed && !IsRuntime(name));

    private static bool IsRuntime(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    private static bool IsAwaitable(Type type) =>
        typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
         (definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));
}
