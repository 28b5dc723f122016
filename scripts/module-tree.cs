#:project ../src/MiniTorch/MiniTorch.csproj

// Draws the figure of the modules' guide (docs/guides/0c-modules.md): the module tree of MiniTorch's network for
// hidden 2, each parameter numbered in the order NamedParameters lists it, as Graphviz DOT on standard output. Run by
// scripts/make-figures.sh:
//   dotnet run scripts/module-tree.cs | dot -Tsvg -o docs/images/module-tree.svg
using System.Globalization;
using System.Text;
using MiniTorch;

var network = new Network(2, new SplitMix64(SplitMix64.Mix(1)));
var order = network.NamedParameters().Select((p, i) => (p.Value, Position: i + 1)).ToDictionary(p => p.Value, p => p.Position);
var dot = new StringBuilder("digraph modules {\n  rankdir=LR;\n  node [fontname=\"DejaVu Sans\", fontsize=11];\n  edge [fontname=\"DejaVu Sans\", fontsize=10];\n");
var pending = new Stack<(string Id, string Label, Module Module)>();
pending.Push(("m", "Network", network));
while (pending.TryPop(out var item))
{
    dot.Append(CultureInfo.InvariantCulture, $"  {item.Id} [shape=box, style=\"rounded,filled\", fillcolor=\"#DCE9F5\", label=\"{item.Label}\"];\n");
    foreach (var (name, parameter) in item.Module.NamedParameters().Where(p => !p.Key.Contains('.', StringComparison.Ordinal)))
    {
        var id = $"{item.Id}_{name}";
        dot.Append(CultureInfo.InvariantCulture, $"  {id} [shape=ellipse, label=\"{order[parameter]}. {name}\\n{parameter.Value.Data:0.000}\"];\n");
        dot.Append(CultureInfo.InvariantCulture, $"  {item.Id} -> {id};\n");
    }

    // The edges in the order the children were added (Graphviz draws them so, top to bottom); the children pushed
    // last-first, so that they are visited in that order too.
    var children = item.Module.NamedModules().Select(c => (Id: $"{item.Id}_{c.Key}", Name: c.Key, Module: c.Value)).ToList();
    foreach (var child in children)
    {
        dot.Append(CultureInfo.InvariantCulture, $"  {item.Id} -> {child.Id} [label=\"{child.Name}\"];\n");
    }

    foreach (var child in Enumerable.Reverse(children))
    {
        pending.Push((child.Id, $"{child.Module.GetType().Name}\\n({child.Name})", child.Module));
    }
}

Console.Write(dot.Append("}\n"));
