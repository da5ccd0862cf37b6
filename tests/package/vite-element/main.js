// The README's Install steps: one import, no plugin and no Vite config.
import "cognito-signup/element";
