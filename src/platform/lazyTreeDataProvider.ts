import * as vscode from 'vscode';

type Implementation<T> = vscode.TreeDataProvider<T> & { dispose(): void };

/**
 * A tree data provider that creates its implementation the first time the tree asks for anything
 * (after whatever `create` awaits: the code, the data), so a view that is never shown costs nothing
 * at start-up.
 */
export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private creating: Promise<Implementation<T>> | undefined;
  private implementation: Implementation<T> | undefined;
  private forwarding: vscode.Disposable | undefined;
  private disposed = false;

  constructor(private readonly create: () => Promise<Implementation<T>>) {}

  private target(): Promise<Implementation<T>> {
    this.creating ??= this.create().then((implementation) => {
      if (this.disposed) {
        implementation.dispose();
      } else {
        this.implementation = implementation;
        this.forwarding = implementation.onDidChangeTreeData?.((element) => this.changed.fire(element));
      }
      return implementation;
    });
    return this.creating;
  }

  /** The implementation, for calls that only come after getChildren returned elements. */
  private get created(): Implementation<T> {
    if (!this.implementation) {
      throw new Error('The tree asked about an element before it listed any.');
    }
    return this.implementation;
  }

  async getChildren(element?: T): Promise<T[] | undefined> {
    return (await (await this.target()).getChildren(element)) ?? undefined;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.created.getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.created.getParent?.(element);
  }

  dispose(): void {
    this.disposed = true;
    this.forwarding?.dispose();
    this.implementation?.dispose();
    this.changed.dispose();
  }
}
