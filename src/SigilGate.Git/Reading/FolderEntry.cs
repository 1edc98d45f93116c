using SigilGate.Domain.Trees;

namespace SigilGate.Git;

/// <summary>One entry of a folder, from LibGit2Sharp or from a large tree git read: what the diff compares.</summary>
internal readonly record struct FolderEntry(string Name, bool IsFolder, TreeFileMode Mode, string Id);
