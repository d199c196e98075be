import type * as vscode from 'vscode';

/** Owns child resources and disposes them with itself, newest first. */
export abstract class Disposable implements vscode.Disposable {
  private readonly children: { dispose(): unknown }[] = [];
  private disposed = false;

  protected register<T extends { dispose(): unknown }>(child: T): T {
    if (this.disposed) {
      child.dispose();
    } else {
      this.children.push(child);
    }
    return child;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const child of this.children.splice(0).reverse()) {
      child.dispose();
    }
  }
}
