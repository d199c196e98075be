import * as vscode from 'vscode';

type Implementation<T> = vscode.TreeDataProvider<T> & { dispose(): void };

/**
 * A tree data provider that creates its implementation the first time the tree asks for anything,
 * so a view that is never shown costs nothing at start-up.
 */
export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private implementation: Implementation<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly create: () => Implementation<T>) {}

  private get target(): Implementation<T> {
    if (!this.implementation) {
      this.implementation = this.create();
      this.forwarding = this.implementation.onDidChangeTreeData?.((element) => this.changed.fire(element));
    }
    return this.implementation;
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.target.getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.target.getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.target.getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.implementation?.dispose();
    this.changed.dispose();
  }
}
