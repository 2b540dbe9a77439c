"""The seed notebook ../shared/seeds/mlp-backprop.txt: its code cells In [2]-[8], VERBATIM
(comments and the unused batchLoader included). Imported by mlp_backprop_golden.py (the golden loss
curve) and by backprop-bench/peers/numpy_notebook.py (the timed peer), so both run the same code.
"""
import numpy as np

# @njit
def forward(W1,b1,W2,b2,W3,b3,X):
    O1 = W1 @ X.T + b1
    G1 = np.maximum(0,O1)
    O2 = W2 @ G1 + b2
    G2 = np.maximum(0,O2)
    O3 = W3 @ G2 + b3
    return O1,O2,O3

# @njit
def mean_numba(X):
    R = []
    for i in np.arange(X.shape[0]):
        R.append(X[i,:].mean())
    return np.array(R).reshape(-1,1) * 1.0

# @njit
def backward(W1,b1,W2,b2,W3,b3,S,Y,O1,O2,O3,lr):
    # print(O3.shape,Y.shape)
    dO3 = (O3-Y.T)
    dG2 =  W3.T.dot(dO3)
    dG1 = W2.T.dot(dG2 * (O2 >= 0))
    dW1 =  (dG1 * (O1 >= 0)).dot(S)
    dB1 = mean_numba(dG1 * (O1 >= 0))#np.mean(dG1 * (O1 > 0)) #
    dW2 = (dG2 * (O2 >= 0)).dot(np.maximum(0,O1).T)
    dB2 = mean_numba(dG2 * (O2 >= 0)) #dG2 * (O2 > 0) * np.ones_like(b2) / b2[0]#np.mean(dG2 * (O2 > 0))#
    dW3 = dO3.dot(np.maximum(0,O2).T)
    dB3 = mean_numba(dO3) #dO3 * np.ones_like(b3) / b3[0] #np.mean(dO3)#
    # print(dB1,dW1,dW2,dB2,dW3,dB3)
    # print()
    W1 = W1 - dW1*lr
    b1 = b1 - dB1*lr
    W2 = W2 - dW2*lr
    b2 = b2 - dB2*lr
    W3 = W3 - dW3*lr
    b3 = b3 - dB3*lr
    return W1,b1,W2,b2,W3,b3

# @njit
def batchLoader(S,Y,batch_size=16):
    n_samples = S.shape[0]
    idx = np.arange(n_samples)
    np.random.shuffle(idx)
    S,Y = S[idx],Y[idx]
    for i in np.arange(0, n_samples, batch_size):
        begin, end = i, min(i + batch_size, n_samples)
        yield S[begin:end] , Y[begin:end]

# @njit
def updateParams(W1,b1,W2,b2,W3,b3,S,Y,batch_size=16,lr=1e-4):
    n_samples = S.shape[0]
    idx = np.arange(n_samples)
    np.random.shuffle(idx)
    S,Y = S[idx],Y[idx]
    for i in np.arange(0, n_samples, batch_size):
        begin, end = i, min(i + batch_size, n_samples)
        s,y =  S[begin:end] , Y[begin:end]
        O1,O2,O3 = forward(W1,b1,W2,b2,W3,b3,s)
        W1,b1,W2,b2,W3,b3 = backward(W1,b1,W2,b2,W3,b3,s,y,O1,O2,O3,lr)
    return W1,b1,W2,b2,W3,b3

# @njit
def MSELoss(y_true,y_pred):
    return np.mean(np.square(y_true-y_pred))

# @njit
def fitModel(X,y,n_iter=10,batch_size=16,lr=1e-4):
    W1 = np.random.uniform(low=-1/np.sqrt(X.shape[1]),high=1/np.sqrt(X.shape[1]),size=(128 ,X.shape[1]))
    b1 = np.zeros((128,1)) * 1.0
    W2 = np.random.uniform(low=-1/np.sqrt(128),high=1/np.sqrt(128),size=(256,128))
    b2 = np.zeros((256,1)) * 1.0
    W3 = np.random.uniform(low=-1/np.sqrt(256),high=1/np.sqrt(256),size=(1,256))
    b3 = np.zeros((1,1)) * 1.0
    for _ in range(n_iter):
        W1,b1,W2,b2,W3,b3 = updateParams(W1,b1,W2,b2,W3,b3,X,y,batch_size=batch_size,lr=lr)
        if _ % 50 == 0:
            print('Epoch ',_, 'Loss: ',MSELoss(y.reshape(1,-1),forward(W1,b1,W2,b2,W3,b3,X)[-1]))
    return W1,b1,W2,b2,W3,b3

