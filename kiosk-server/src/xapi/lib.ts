// The one place the LRS imports the xAPI library from.
export * from '@ruyi/xapi';
